using Bunit;
using Microsoft.EntityFrameworkCore;
using WebhookConsole.Components.Pages.Dashboard;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components.Pages.Dashboard;

[Collection(AppCollection.Name)]
public sealed class DashboardPageTests : ConsoleTestContext
{
    [Fact]
    public void Page_ShowsTheEmptyState_WhenNothingWasDelivered()
    {
        var page = RenderInConsole<DashboardPage>();

        page.WaitForElement("#dashboard-empty");
        Assert.Equal("0", page.Find("[data-stat=deliveries]").TextContent.Trim());
        Assert.Equal("—", page.Find("[data-stat=success-rate]").TextContent.Trim());
        Assert.Empty(page.FindAll("#failing-webhooks"));
    }

    [Fact]
    public async Task Page_ShowsTotalsRatesAndLatency_WhenDeliveriesHappened()
    {
        var account = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(account, "https://crm.example.com/calls", w => w.Name = "CRM");
        var now = DateTime.UtcNow;
        await Data.AddFinishedDeliveryAsync(account, webhook.Id, now.AddMinutes(-30), DeliveryStatus.Succeeded);
        await Data.AddFinishedDeliveryAsync(account, webhook.Id, now.AddMinutes(-20), DeliveryStatus.Succeeded);
        await Data.AddFinishedDeliveryAsync(account, webhook.Id, now.AddMinutes(-10), DeliveryStatus.Succeeded);
        await Data.AddFinishedDeliveryAsync(account, webhook.Id, now.AddMinutes(-5), DeliveryStatus.Failed);

        var page = RenderInConsole<DashboardPage>();

        page.WaitForAssertion(() => Assert.Equal("4", page.Find("[data-stat=deliveries]").TextContent.Trim()));
        Assert.Equal("75.0 %", page.Find("[data-stat=success-rate]").TextContent.Trim());
        Assert.NotNull(page.Find("#deliveries-chart svg"));
        var row = page.Find("#latency-table tbody tr");
        Assert.Contains("CRM", row.TextContent);
        Assert.Equal("3", row.QuerySelector("[data-cell=succeeded]")!.TextContent.Trim());
        Assert.Equal("1", row.QuerySelector("[data-cell=failed]")!.TextContent.Trim());
    }

    [Fact]
    public async Task PeriodToggle_CountsOlderDeliveries_WhenSevenDaysAreChosen()
    {
        var account = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(account, "https://crm.example.com/calls");
        await Data.AddFinishedDeliveryAsync(account, webhook.Id, DateTime.UtcNow.AddMinutes(-5), DeliveryStatus.Succeeded);
        await Data.AddFinishedDeliveryAsync(account, webhook.Id, DateTime.UtcNow.AddDays(-3), DeliveryStatus.Succeeded);
        var page = RenderInConsole<DashboardPage>();
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-stat=deliveries]").TextContent.Trim()));

        page.Find("#period-7d").Click();

        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-stat=deliveries]").TextContent.Trim()));
        Assert.Equal(7, page.FindAll("#deliveries-chart .deliveries-figures thead th").Count - 1);
    }

    [Fact]
    public async Task Page_ShowsTheRetryQueue_WhenDeliveriesAreWaiting()
    {
        var account = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(account, "https://crm.example.com/calls");
        // Due later than the test lasts, so the dispatcher leaves them queued.
        await AddQueuedAsync(account, webhook.Id, DeliveryStatus.Pending);
        await AddQueuedAsync(account, webhook.Id, DeliveryStatus.Retrying);
        await AddQueuedAsync(account, webhook.Id, DeliveryStatus.Retrying);

        var page = RenderInConsole<DashboardPage>();

        page.WaitForAssertion(() => Assert.Equal("3", page.Find("#retry-queue [data-stat=queue]").TextContent.Trim()));
        Assert.Equal("1 pending · 2 retrying · 0 due now", page.Find("#retry-queue [data-stat-detail=queue]").TextContent.Trim());
    }

    [Fact]
    public async Task ReEnable_EnablesTheDisabledWebhookAndClearsItsReason()
    {
        var account = await App.DefaultAccountIdAsync();
        var failing = await Data.AddWebhookAsync(account, "https://flaky.example.com/in", w => (w.Name, w.ConsecutiveFailures) = ("Flaky", 2));
        var disabled = await Data.AddWebhookAsync(account, "https://gone.example.com/in", w =>
        {
            w.Name = "Gone";
            w.Enabled = false;
            w.ConsecutiveFailures = 5;
            w.DisabledReason = "5 deliveries in a row failed; last: HTTP 503";
        });
        await Data.AddFinishedDeliveryAsync(account, failing.Id, DateTime.UtcNow.AddMinutes(-3), DeliveryStatus.Failed);
        var page = RenderInConsole<DashboardPage>();

        var card = page.WaitForElement("#failing-webhooks");
        Assert.Contains("5 deliveries in a row failed; last: HTTP 503", card.TextContent);
        Assert.Contains("Flaky", card.TextContent);
        Assert.Contains("Failing", card.TextContent);
        Assert.Empty(page.FindAll($"#reenable-{failing.Id}"));

        page.Find($"#reenable-{disabled.Id}").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"#reenable-{disabled.Id}")));
        var saved = await Data.WebhookAsync(disabled.Id);
        Assert.True(saved.Enabled);
        Assert.Null(saved.DisabledReason);
        Assert.Equal(0, saved.ConsecutiveFailures);
        Assert.DoesNotContain("Gone", page.Find("#failing-webhooks").TextContent);
    }

    [Fact]
    public async Task ReEnableButton_LooksStandard_WhenWebhookIsDisabled()
    {
        var account = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(account, "https://gone.example.com/in", w => (w.Enabled, w.DisabledReason) = (false, "410 Gone"));

        var page = RenderInConsole<DashboardPage>();

        ReEnableButtonAssert.LooksStandard(page.WaitForElement($"#reenable-{webhook.Id}"));
    }

    [Fact]
    public async Task DisabledChips_LookStandard_WhenDisabledWebhookSentInPeriod()
    {
        var account = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(account, "https://gone.example.com/in", w => (w.Name, w.Enabled, w.DisabledReason) = ("Gone", false, "410 Gone"));
        await Data.AddFinishedDeliveryAsync(account, webhook.Id, DateTime.UtcNow.AddMinutes(-3), DeliveryStatus.Failed);

        var page = RenderInConsole<DashboardPage>();

        var problem = page.WaitForElement($"#failing-webhooks td[data-webhook='{webhook.Id}']").ParentElement!;
        WebhookStateChipAssert.ShowsDisabled(problem);
        WebhookStateChipAssert.ShowsDisabled(page.FindAll("#latency-table tbody tr").Single(r => r.TextContent.Contains("Gone")));
    }

    private async Task AddQueuedAsync(Guid account, Guid webhookId, DeliveryStatus status)
    {
        var delivery = await Data.AddFinishedDeliveryAsync(account, webhookId, DateTime.UtcNow.AddMinutes(-1), status);
        await using var db = App.Database.CreateContext();
        await db.Deliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.NextAttemptAt, DateTime.UtcNow.AddHours(1))
            .SetProperty(d => d.CompletedAt, (DateTime?)null));
    }
}
