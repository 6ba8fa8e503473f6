using WebhookConsole.Data.Paging;
using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.DashboardBench;

/// <summary>What the delivery history page asks per load: the first page of 50 and the count for its pager.</summary>
internal static class HistoryTimings
{
    public static async Task<List<(string Name, double PageMs, double CountMs)>> MeasureAsync(
        DeliveryQueryService queries, Guid accountId, BenchSeeder seeder, int runs)
    {
        var now = DateTime.UtcNow;
        var filters = new (string Name, DeliveryFilter Filter)[]
        {
            ("none", new DeliveryFilter()),
            ("status", new DeliveryFilter(Status: DeliveryStatus.Failed)),
            ("webhook", new DeliveryFilter(WebhookId: seeder.Webhooks[7])),
            ("event", new DeliveryFilter(EventType: "Call:Hangup")),
            ("environment", new DeliveryFilter(EnvironmentId: seeder.Environments[1])),
            ("time", new DeliveryFilter(Since: now.AddDays(-3), Until: now.AddDays(-2))),
            ("event_id", new DeliveryFilter(EventId: "evt-1234")),
            ("combined", new DeliveryFilter(Status: DeliveryStatus.Failed, WebhookId: seeder.Webhooks[1], Since: now.AddDays(-1))),
        };
        var results = new List<(string, double, double)>();
        foreach (var (name, filter) in filters)
        {
            var page = await BenchTimer.MedianMsAsync(() => queries.ListAsync(accountId, filter, PageRequest.First, CancellationToken.None), runs);
            var count = await BenchTimer.MedianMsAsync(() => queries.CountAsync(accountId, filter, CancellationToken.None), runs);
            results.Add((name, page, count));
        }
        return results;
    }
}
