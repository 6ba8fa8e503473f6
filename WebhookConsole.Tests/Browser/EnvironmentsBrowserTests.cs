using System.Net;
using WebhookConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace WebhookConsole.Tests.Browser;

[Collection(AppCollection.Name)]
public sealed class EnvironmentsBrowserTests(BrowserFixture browsers)
{
    [Fact]
    public async Task Environment_IsCreatedSubscribedRenamedAndAudited()
    {
        await using var receiver = await TestReceiver.StartAsync();
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        var accountId = await app.App.DefaultAccountIdAsync();
        var webhook = await app.App.Data.AddWebhookAsync(accountId, receiver.Url("/crm"), w => w.Name = "CRM");
        await app.App.Data.AddWebhookAsync(accountId, receiver.Url("/billing"), w => w.Name = "Billing");
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await browser.SignInAsync();
        await browser.GotoAsync("/environments");

        await page.ClickAsync("#new-environment");
        await page.FillAsync("#environment-name", "staging");
        await page.ClickAsync("#save-environment");
        var row = page.Locator("#environments-table tbody tr", new() { HasText = "staging" });
        await Expect(row).ToBeVisibleAsync();

        await row.Locator("button[aria-label^='Subscribe webhooks to environment ']").ClickAsync();
        await page.FillAsync("#subscriptions-search", "crm");
        await Expect(page.Locator("#subscriptions-table tr.subscription-row")).ToHaveCountAsync(1);
        await page.Locator($"#subscription-{webhook.Id}").CheckAsync();
        await page.ClickAsync("#save-subscriptions");
        await Expect(row.Locator(".subscription-count")).ToHaveTextAsync("1");
        await browser.HideSnackbarsAsync();
        await browser.ScreenshotAsync("environments");

        await row.Locator("button[aria-label^='Rename environment ']").ClickAsync();
        await page.FillAsync("#environment-name", "ITD2024");
        await page.ClickAsync("#save-environment");
        await Expect(page.Locator("#environments-table")).ToContainTextAsync("ITD2024");

        // The renamed environment routes events to the subscribed webhook only.
        using var api = app.CreateApiClient();
        var posted = await api.PostAsync($"/api/v1/accounts/{accountId}/events", new StringContent(
            """{"data": {"event": "Call:Hangup", "environment": "ITD2024", "payload": {"uuid": "7"}}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var arrived = await receiver.WaitForAsync(r => r.Count >= 1, TimeSpan.FromSeconds(30), "the event for the subscribed webhook");
        Assert.Equal("/crm", Assert.Single(arrived).Path);

        await browser.GotoAsync("/audit");
        await Expect(page.Locator("#audit-table")).ToContainTextAsync("environment.updated");
        await Expect(page.Locator("#audit-table")).ToContainTextAsync(ConsoleSignIn.AdminEmail);
        await browser.ScreenshotAsync("audit-log");
    }
}
