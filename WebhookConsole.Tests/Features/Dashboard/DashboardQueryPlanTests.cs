using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Bench.Scenarios;
using WebhookConsole.Data;
using WebhookConsole.Features.Dashboard;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Dashboard;

/// <summary>
/// The dashboard on SQLite reads its counts and latency samples from indexes alone, so a month of deliveries and
/// attempts costs index entries, never the large rows.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DashboardQueryPlanTests
{
    private static readonly DashboardWindow Window = DashboardWindow.Of(DashboardPeriod.Last7Days, new DateTime(2030, 1, 15, 10, 30, 0, DateTimeKind.Utc));

    [Fact]
    public async Task StatusCounts_ReadTheStatusIndexAlone_WhenRunOnSqlite()
    {
        await using var app = new AppFactory();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        var plan = await QueryPlan.ExplainAsync(db, DashboardService.StatusCountsQuery(db, Guid.NewGuid(), Window.From, Window.To));

        var shown = string.Join(" | ", plan);
        Assert.True(plan.Any(step => step.Contains(
            "USING COVERING INDEX IX_Deliveries_AccountId_Status_CreatedAt_IsTest (AccountId=? AND Status=? AND CreatedAt>? AND CreatedAt<?)",
            StringComparison.Ordinal)), shown);
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LatencySamples_ReadEachWebhooksLatestAttemptsFromItsIndex_WhenRunOnSqlite()
    {
        await using var app = new AppFactory();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        var plan = await QueryPlan.ExplainAsync(db, DashboardService.LatencySamplesQuery(db, Guid.NewGuid(), Window));

        var shown = string.Join(" | ", plan);
        Assert.True(plan.Any(step => step.Contains("SEARCH w USING INDEX IX_Webhooks_AccountId", StringComparison.Ordinal)), shown);
        Assert.True(plan.Any(step => step.Contains(
            "SEARCH a USING COVERING INDEX IX_Attempts_WebhookId_CreatedAt_DurationMs (WebhookId=? AND CreatedAt>? AND CreatedAt<?)",
            StringComparison.Ordinal)), shown);
        // Newest first is the index's order read backwards: nothing of the period is sorted or numbered.
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN a", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetAsync_NeverReadsDeliveriesOrAttemptsAlongTheAccountsTimeIndex_WhenRunOnSqlite()
    {
        await using var app = new AppFactory();
        var recorder = new QueryPlanRecorder();
        await using var served = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(recorder)));
        var accountId = await app.DefaultAccountIdAsync();
        var webhook = await app.Data.AddWebhookAsync(accountId, "http://127.0.0.1:9/a", w => w.ConsecutiveFailures = 1);
        await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, DateTime.UtcNow.AddHours(-1), DeliveryStatus.Failed);
        var dashboard = served.Services.GetRequiredService<DashboardService>();

        var plans = await recorder.RecordAsync(() => dashboard.GetAsync(accountId, DashboardPeriod.Last7Days, CancellationToken.None));

        // (account, created) is the history page's order: walking a period along it reads every delivery or attempt
        // row of the period, which a month of traffic turns into seconds.
        var shown = string.Join("\n", plans.Select(p => string.Join(" | ", p)));
        Assert.True(plans.Count > 5, shown);
        Assert.DoesNotContain(plans.SelectMany(p => p), step =>
            step.Contains("IX_Deliveries_AccountId_CreatedAt", StringComparison.Ordinal) || step.Contains("IX_Attempts_AccountId_CreatedAt", StringComparison.Ordinal));
    }
}
