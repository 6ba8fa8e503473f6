using WebhookConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace WebhookConsole.Tests.Browser;

[Collection(AppCollection.Name)]
public sealed class EventTypesBrowserTests(BrowserFixture browsers)
{
    [Fact]
    public async Task SearchAndPaging_AreKeptInTheAddress_ThroughAReload()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await browser.SignInAsync();
        var names = page.Locator("#event-types-table tbody tr .event-type-name");

        // The seeded catalogue is more than one page of 25.
        await browser.GotoAsync("/event-types?size=25");
        await Expect(names).ToHaveCountAsync(25);
        await Expect(page.Locator("#event-types-count")).ToContainTextAsync("event types");
        await page.ClickAsync("#event-types-table button[aria-label='Next page']");
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/event-types?size=25&page=2");
        await page.ReloadAsync();
        await browser.WaitForInteractiveAsync();
        await Expect(page.Locator("#event-types-table .mud-table-pagination")).ToContainTextAsync("26-");

        await page.FillAsync("#event-type-search", "workflow.");
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/event-types?size=25&q=workflow.");
        await Expect(names).ToHaveCountAsync(4);
        await page.ReloadAsync();
        await browser.WaitForInteractiveAsync();
        await Expect(page.Locator("#event-type-search")).ToHaveValueAsync("workflow.");
        await Expect(names).ToHaveCountAsync(4);
    }
}
