using System.Net;
using WebhookConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace WebhookConsole.Tests.Browser;

[Collection(AppCollection.Name)]
public sealed class TokensBrowserTests(BrowserFixture browsers)
{
    [Fact]
    public async Task TokenCreatedInConsole_CallsTheApi_UntilRevoked()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        await browser.SignInAsync();
        await browser.GotoAsync("/tokens");

        await browser.Page.ClickAsync("#new-token");
        await browser.Page.FillAsync("#token-name", "CRM sync");
        await browser.Page.ClickAsync("#create-token");
        var token = await browser.Page.Locator("#token-value").InputValueAsync();
        await browser.ScreenshotAsync("token-created");
        await browser.Page.ClickAsync("#token-done");
        await Expect(browser.Page.Locator("#tokens-table")).ToContainTextAsync("CRM sync");
        await Expect(browser.Page.Locator("#tokens-table")).Not.ToContainTextAsync(token);

        using var api = app.CreateApiClient(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/whoami")).StatusCode);

        var row = browser.Page.Locator("#tokens-table tr", new() { HasText = "CRM sync" });
        await row.Locator("button[aria-label^='Revoke token ']").ClickAsync();
        await browser.Page.ClickAsync("#confirm-yes");
        await Expect(row).ToContainTextAsync("Revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/whoami")).StatusCode);
    }

    [Fact]
    public async Task NewTokenDialog_CreatesTheToken_WhenEnterIsPressedInTheName()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        await browser.SignInAsync();
        await browser.GotoAsync("/tokens");

        await browser.Page.ClickAsync("#new-token");
        await browser.Page.FillAsync("#token-name", "CRM sync");
        await browser.Page.PressAsync("#token-name", "Enter");

        await Expect(browser.Page.Locator("#token-value")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(".{20,}"));
        await browser.Page.ClickAsync("#token-done");
        await Expect(browser.Page.Locator("#tokens-table tbody tr").Filter(new() { HasText = "CRM sync" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task EventTypes_ShowsCatalogue_AndAddsACustomType()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        await browser.SignInAsync();
        await browser.GotoAsync("/event-types");
        await Expect(browser.Page.Locator("#event-types-table")).ToContainTextAsync("Call:Hangup");
        await browser.ScreenshotAsync("event-types");

        await browser.Page.ClickAsync("#new-event-type");
        await browser.Page.FillAsync("#event-type-name", "call.parked");
        await browser.Page.FillAsync("#event-type-description", "A call was parked on a slot.");
        await browser.Page.FillAsync("#event-type-sample", "{\"slot\": ");
        await browser.Page.ClickAsync("#save-event-type");
        await Expect(browser.Page.Locator(".mud-dialog")).ToContainTextAsync("JSON");
        await browser.Page.FillAsync("#event-type-sample", "{\"slot\": 701, \"call_id\": \"c-1\"}");
        await browser.Page.ClickAsync("#save-event-type");

        await browser.Page.FillAsync("#event-type-search", "parked");
        await Expect(browser.Page.Locator("#event-types-table")).ToContainTextAsync("A call was parked on a slot.");
        using var api = app.CreateApiClient();
        Assert.Contains("call.parked", await api.GetStringAsync("/api/v1/event_types"));
    }
}
