using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Data;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace WebhookConsole.Tests.Browser;

/// <summary>Traffic posted through the API to a receiver that refuses some of it, read back on the dashboard in Chromium.</summary>
[Collection(AppCollection.Name)]
public sealed class DashboardBrowserTests(BrowserFixture browsers)
{
    [Fact]
    public async Task Dashboard_ShowsTheFiguresOfRealTraffic_AndReEnablesTheDisabledWebhook()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Respond("/billing", (_, _) => new ReceiverResponse(500, "down"));
        receiver.Respond("/analytics", (_, n) => n % 4 == 0 ? new ReceiverResponse(503, "busy") : ReceiverResponse.Ok);
        await using var app = ServedApp.Start(new Dictionary<string, string?>(ConsoleSignIn.BootstrapAdmin)
        {
            ["Dispatcher:DisableAfterFailures"] = "3",
        });
        var accountId = await app.App.DefaultAccountIdAsync();
        var crm = await app.App.Data.AddWebhookAsync(accountId, receiver.Url("/crm"), w => (w.Name, w.EventType) = ("CRM", "Call:Hangup"));
        var billing = await app.App.Data.AddWebhookAsync(accountId, receiver.Url("/billing"), w => (w.Name, w.EventType, w.Retries) = ("Billing", "Call:Hangup", 0));
        var analytics = await app.App.Data.AddWebhookAsync(accountId, receiver.Url("/analytics"), w => (w.Name, w.Retries) = ("Analytics", 0));
        await app.App.Data.AddEnvironmentAsync(accountId, "production", crm.Id, billing.Id, analytics.Id);
        using var api = app.CreateApiClient();

        // Three failures in a row disable Billing; the next events no longer go to it.
        await PostCallsAsync(api, accountId, 1, 3);
        await app.App.Data.WaitForWebhookAsync(billing.Id, w => !w.Enabled, TimeSpan.FromSeconds(30), "Billing to be disabled");
        await PostCallsAsync(api, accountId, 4, 8);
        await WaitForFinishedAsync(app.App, 19);

        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await browser.SignInAsync();
        await browser.GotoAsync("/");

        await Expect(page.Locator("[data-stat=events]")).ToHaveTextAsync("8");
        await Expect(page.Locator("[data-stat=deliveries]")).ToHaveTextAsync("19");
        await Expect(page.Locator("[data-stat=success-rate]")).ToHaveTextAsync("73.7 %");
        await Expect(page.Locator("#retry-queue [data-stat=queue]")).ToHaveTextAsync("0");
        await Expect(page.Locator("#deliveries-chart svg").First).ToBeVisibleAsync();
        var crmRow = page.Locator("#latency-table tbody tr", new() { HasText = "CRM" });
        await Expect(crmRow.Locator("[data-cell=succeeded]")).ToHaveTextAsync("8");
        await Expect(crmRow.Locator("[data-cell=p50]")).ToContainTextAsync("ms");
        var problems = page.Locator("#failing-webhooks");
        await Expect(problems).ToContainTextAsync("3 deliveries in a row failed; last: receiver answered 500");
        await Expect(problems.Locator("tbody tr", new() { HasText = "Analytics" })).ToContainTextAsync("Failing");
        // The figures under the charts read evenly: a column holding "100" is as wide as one holding "0".
        var widths = await page.Locator("#deliveries-chart .deliveries-figures thead th:not(:first-child)")
            .EvaluateAllAsync<double[]>("cells => cells.map(c => c.getBoundingClientRect().width)");
        Assert.True(widths.Max() - widths.Min() < 1, $"the figure columns differ in width: {string.Join(", ", widths)}");
        await browser.ScreenshotAsync("dashboard", fullPage: true);

        await page.ClickAsync($"#reenable-{billing.Id}");
        await Expect(page.Locator($"#reenable-{billing.Id}")).ToHaveCountAsync(0);
        Assert.True((await app.App.Data.WebhookAsync(billing.Id)).Enabled);
    }

    private static async Task PostCallsAsync(HttpClient api, Guid accountId, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            var response = await api.PostAsJsonAsync($"/api/v1/accounts/{accountId}/events", new
            {
                data = new { id = $"call-{i}", @event = "Call:Hangup", environment = "production", payload = new { uuid = $"{i}" } },
            });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
    }

    private static async Task WaitForFinishedAsync(AppFactory app, int expected)
    {
        var finished = 0;
        await Poll.UntilAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            finished = await db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Succeeded || d.Status == DeliveryStatus.Failed);
            return finished >= expected;
        }, TimeSpan.FromSeconds(30), () => $"{expected} finished deliveries ({finished} finished)");
    }
}
