using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Bench.Scenarios;
using WebhookConsole.Data;
using WebhookConsole.Features.Dashboard;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Dashboard;

/// <summary>
/// The dashboard on SQLite reads its latency samples from an index alone, so a month of attempts costs index
/// entries, never the large rows.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DashboardQueryPlanTests
{
    private static readonly DashboardWindow Window = DashboardWindow.Of(DashboardPeriod.Last7Days, new DateTime(2030, 1, 15, 10, 30, 0, DateTimeKind.Utc));

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
}
