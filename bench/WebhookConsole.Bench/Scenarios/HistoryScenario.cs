using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;
using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Bench.Scenarios;

/// <summary>
/// The delivery history page over a large history: newest first, first page of 50 (51 read to know whether
/// a next page exists), alone and filtered. The REST list endpoint is not in this build, so this times the
/// same EF Core query directly against <see cref="AppDbContext"/>, a new context per page as a request has.
/// </summary>
internal sealed class HistoryScenario(IDbContextFactory<AppDbContext> dbFactory, BenchFixture fixture, TextWriter log)
{
    private const int PageSize = 50;
    private const int Repeats = 5;

    public async Task<(double FirstMs, double FilteredMs)> RunAsync()
    {
        log.WriteLine("history: timing the history page's EF Core query against AppDbContext (the REST list endpoint is not in this build)");
        var accountId = fixture.AccountId;
        var webhookId = fixture.FanOutWebhookIds[0];
        var first = await TimeAsync("first page", db => Page(db, accountId));
        var failed = await TimeAsync("status=failed", db => Page(db, accountId).Where(d => d.Status == DeliveryStatus.Failed));
        await TimeAsync("webhook_id", db => Page(db, accountId).Where(d => d.WebhookId == webhookId));
        return (first, failed);
    }

    private static IQueryable<Delivery> Page(AppDbContext db, Guid accountId) =>
        db.Deliveries.AsNoTracking().Where(d => d.AccountId == accountId);

    /// <summary>Median of <see cref="Repeats"/> runs after one that compiles the query and warms the cache, which is printed too.</summary>
    private async Task<double> TimeAsync(string name, Func<AppDbContext, IQueryable<Delivery>> filter)
    {
        IQueryable<Delivery> Query(AppDbContext db) =>
            filter(db).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(PageSize + 1);

        var times = new List<double>();
        for (var run = 0; run <= Repeats; run++)
        {
            var started = Stopwatch.GetTimestamp();
            await using var db = await dbFactory.CreateDbContextAsync();
            var rows = await Query(db).ToListAsync();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (rows.Count != PageSize + 1)
            {
                throw new InvalidOperationException($"history {name}: expected {PageSize + 1} rows, read {rows.Count}");
            }
        }
        var median = times.Skip(1).Order().ElementAt(Repeats / 2);

        await using var planDb = await dbFactory.CreateDbContextAsync();
        var plan = await QueryPlan.ExplainAsync(planDb, Query(planDb));
        log.WriteLine($"history {name}: median {median:0.00} ms of {Repeats} (first run {times[0]:0.00} ms); plan: {string.Join(" | ", plan)}");
        if (!plan.Any(step => step.Contains("USING INDEX IX_Deliveries_AccountId", StringComparison.Ordinal)))
        {
            log.WriteLine($"history {name}: WARNING the plan uses none of the history indexes");
        }
        return median;
    }
}
