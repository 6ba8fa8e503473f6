namespace WebhookConsole.Features.Dashboard;

/// <summary>What the dashboard shows for one account and period, read at <see cref="Now"/>.</summary>
internal sealed record DashboardSummary(
    DashboardPeriod Period,
    DateTime Now,
    DateTime From,
    IReadOnlyList<DeliveryBucket> Buckets,
    DashboardTotals Totals,
    RetryQueue Queue,
    IReadOnlyList<WebhookLatency> Webhooks,
    IReadOnlyList<WebhookProblem> Problems)
{
    public bool IsEmpty => Totals.Deliveries == 0 && Totals.Events == 0 && Queue.Total == 0 && Webhooks.Count == 0;
}
