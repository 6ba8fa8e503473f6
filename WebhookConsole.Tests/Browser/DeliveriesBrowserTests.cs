using Microsoft.Playwright;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace WebhookConsole.Tests.Browser;

/// <summary>The delivery history in Chromium: a delivery that fails once is followed live, opened, replayed and filtered.</summary>
[Collection(AppCollection.Name)]
public sealed class DeliveriesBrowserTests(BrowserFixture browsers)
{
    // The retry is seconds away and the machine may be loaded: live changes get more than the default 5 s.
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 30_000 };

    [Fact]
    public async Task History_FollowsARetryLive_ShowsBothAttempts_ReplaysAndFilters()
    {
        await using var receiver = await TestReceiver.StartAsync();
        // The retry waits long enough for the page to show the delivery retrying before it succeeds.
        await using var app = ServedApp.Start(new Dictionary<string, string?>(ConsoleSignIn.BootstrapAdmin) { ["Dispatcher:RetryDelays:0"] = "4" });
        var accountId = await app.App.DefaultAccountIdAsync();
        var webhook = await app.App.Data.AddWebhookAsync(accountId, receiver.Url("/hooks/flaky"), w => w.Name = "Flaky CRM");
        await app.App.Data.AddEnvironmentAsync(accountId, "production", webhook.Id);
        receiver.Respond("/hooks/flaky", (_, n) => n == 1 ? new ReceiverResponse(500) : ReceiverResponse.Ok);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await browser.SignInAsync();
        await browser.GotoAsync("/deliveries");
        await Expect(page.Locator("#deliveries-empty")).ToBeVisibleAsync();
        // Survives only as long as the page is not reloaded.
        await page.EvaluateAsync("() => window.notReloaded = true");

        using var api = app.CreateApiClient();
        var posted = await api.PostAsync($"/api/v1/accounts/{accountId}/events", new StringContent(
            """{"data": {"id": "call-77", "event": "Call:Hangup", "environment": "production", "payload": {"uuid": "77", "duration": 42}}}""",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, posted.StatusCode);

        var row = page.Locator("#deliveries-grid tbody tr", new() { HasText = "call-77" });
        await Expect(row.Locator(".delivery-status[data-status=retrying]")).ToBeVisibleAsync(Live);
        await Expect(row.Locator(".delivery-code")).ToHaveTextAsync("500");
        await Expect(row.Locator(".delivery-status[data-status=succeeded]")).ToBeVisibleAsync(Live);
        await Expect(row.Locator(".delivery-attempts")).ToHaveTextAsync("2");
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await Expect(row).ToContainTextAsync("Flaky CRM");
        await Expect(row).ToContainTextAsync("production");
        await browser.ScreenshotAsync("deliveries");

        // The detail: the payload and both attempts.
        await row.Locator(".delivery-link").ClickAsync();
        await browser.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-attempt]")).ToHaveCountAsync(2);
        await Expect(page.Locator("#attempt-1 .attempt-status")).ToContainTextAsync("500");
        await Expect(page.Locator("#attempt-2 .attempt-status")).ToContainTextAsync("200");
        await Expect(page.Locator("#delivery-payload-body")).ToContainTextAsync("\"duration\": 42");
        await browser.ScreenshotAsync("delivery-detail", fullPage: true);

        // Replay: a new delivery, linked from the snackbar, reaches the receiver again.
        await page.ClickAsync("#replay-delivery");
        await page.Locator(".replay-link").ClickAsync();
        await Expect(page.Locator("#delivery-replay-of")).ToBeVisibleAsync();
        await Expect(page.Locator(".delivery-status[data-status=succeeded]")).ToBeVisibleAsync(Live);
        await receiver.WaitForAsync(r => r.Count == 3, TimeSpan.FromSeconds(30), "the replay");

        // Filter by status in the list: the choice goes to the URL.
        await browser.GotoAsync("/deliveries");
        await Expect(page.Locator("#deliveries-grid .delivery-link")).ToHaveCountAsync(2);
        await page.Locator("div.mud-select[id^=select]").Filter(new() { Has = page.Locator("#filter-status") }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new("^Failed$") }).ClickAsync();
        await Expect(page.Locator("#deliveries-empty")).ToBeVisibleAsync();
        Assert.Contains("status=failed", page.Url);
        await browser.GotoAsync("/deliveries?status=succeeded");
        await Expect(page.Locator("#deliveries-grid .delivery-link")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Filters_FollowTheAddress_WhenTheMenuLinkBackOrForwardChangesIt()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        var accountId = await app.App.DefaultAccountIdAsync();
        var webhook = await app.App.Data.AddWebhookAsync(accountId, "https://crm.example.com/calls", w => w.Name = "CRM");
        await app.App.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, DateTime.UtcNow.AddMinutes(-2), DeliveryStatus.Failed);
        await app.App.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, DateTime.UtcNow.AddMinutes(-1), DeliveryStatus.Succeeded);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await browser.SignInAsync();
        await browser.GotoAsync("/deliveries?status=failed");
        var rows = page.Locator("#deliveries-grid .delivery-status");
        await Expect(rows).ToHaveCountAsync(1);

        // The menu's link has no filters: the whole history shows, and the status filter is empty again.
        await page.Locator("nav a[href='/deliveries']").ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/deliveries");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.Locator("#filter-status")).ToHaveValueAsync("");

        await page.GoBackAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(page.Locator(".delivery-status[data-status=failed]")).ToHaveCountAsync(1);
        await page.GoForwardAsync();
        await Expect(rows).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task PageAndSize_SurviveAReloadAndBackFromADelivery()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        var accountId = await app.App.DefaultAccountIdAsync();
        var webhook = await app.App.Data.AddWebhookAsync(accountId, "https://crm.example.com/calls", w => w.Name = "CRM");
        var start = DateTime.UtcNow.AddHours(-1);
        var oldest = await app.App.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, start);
        for (var i = 1; i < 30; i++)
        {
            await app.App.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, start.AddSeconds(i));
        }
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await browser.SignInAsync();
        await browser.GotoAsync("/deliveries");
        var links = page.Locator("#deliveries-grid .delivery-link");
        await Expect(links).ToHaveCountAsync(30);

        // 25 a page: the size goes to the address; the second page too.
        await page.Locator("#deliveries-grid .mud-table-pagination div.mud-select[id^=select]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new("^25$") }).ClickAsync();
        await Expect(links).ToHaveCountAsync(25);
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/deliveries?size=25");
        await page.ClickAsync("#deliveries-grid button[aria-label='Next page']");
        await Expect(links).ToHaveCountAsync(5);
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/deliveries?size=25&page=2");

        await page.ReloadAsync();
        await browser.WaitForInteractiveAsync();
        await Expect(links).ToHaveCountAsync(5);
        await Expect(page.Locator("#deliveries-grid .mud-table-pagination")).ToContainTextAsync("26-30 of 30");

        await page.Locator($".delivery-link[data-delivery='{oldest.Id}']").ClickAsync();
        await Expect(page.Locator("#replay-delivery")).ToBeVisibleAsync();
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/deliveries?size=25&page=2");
        await Expect(links).ToHaveCountAsync(5);
        await Expect(page.Locator($".delivery-link[data-delivery='{oldest.Id}']")).ToBeVisibleAsync();
    }
}
