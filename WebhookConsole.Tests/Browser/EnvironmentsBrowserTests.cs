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

    [Fact]
    public async Task SearchAndPaging_AreKeptInTheAddress_ThroughAReloadAndBack()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        var accountId = await app.App.DefaultAccountIdAsync();
        for (var i = 0; i < 60; i++)
        {
            await app.App.Data.AddEnvironmentAsync(accountId, i % 2 == 0 ? $"prod-{i:000}" : $"staging-{i:000}");
        }
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await browser.SignInAsync();
        var names = page.Locator("#environments-table tbody tr .environment-name");

        await browser.GotoAsync("/environments");
        await Expect(names).ToHaveCountAsync(50);
        await Expect(page.Locator("#environments-count")).ToHaveTextAsync("60 environments");
        await page.ClickAsync("#environments-table button[aria-label='Next page']");
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/environments?page=2");
        await Expect(names).ToHaveCountAsync(10);

        await page.FillAsync("#environment-search", "staging");
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/environments?q=staging");
        await Expect(page.Locator("#environments-count")).ToHaveTextAsync("30 of 60 match");
        await Expect(names.First).ToHaveTextAsync("staging-001");
        await page.ReloadAsync();
        await browser.WaitForInteractiveAsync();
        await Expect(page.Locator("#environment-search")).ToHaveValueAsync("staging");
        await Expect(names).ToHaveCountAsync(30);

        // Another page, then back: the search comes back with the address.
        await page.Locator("nav a[href='/webhooks']").ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/webhooks");
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/environments?q=staging");
        await Expect(page.Locator("#environment-search")).ToHaveValueAsync("staging");
        await Expect(names).ToHaveCountAsync(30);
    }
}
