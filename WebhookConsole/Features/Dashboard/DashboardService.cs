using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;
using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Features.Dashboard;

/// <summary>
/// Reads the dashboard of one account. Counting happens in the database: one GROUP BY over the period's deliveries
/// (by webhook, bucket and status) feeds the charts, the totals and the per-webhook outcomes, so its result is
/// bounded by webhooks × buckets × statuses however many deliveries there are. Test sends are left out.
/// </summary>
/// <remarks>
/// Latency percentiles are exact nearest-rank percentiles over a bounded sample: each webhook's most recent
/// <see cref="LatencySampleSize"/> attempts in the period, read newest first from the (WebhookId, CreatedAt)
/// index. A percentile over every attempt would need a sort of the whole period (window functions or
/// percentile_cont, which SQLite lacks); the recent sample costs the same on both providers whatever the volume,
/// and reflects how the receiver behaves now.
/// </remarks>
internal sealed class DashboardService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const int LatencySampleSize = 1000;
    public const int ProblemLimit = 20;

    public async Task<DashboardSummary> GetAsync(Guid accountId, DashboardPeriod period, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var window = DashboardWindow.Of(period, now);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var counts = await CountDeliveriesAsync(db, accountId, window, cancellationToken);
        var events = await db.Events.CountAsync(
            e => e.AccountId == accountId && e.ReceivedAt >= window.From && e.ReceivedAt < window.To, cancellationToken);
        var queue = await ReadQueueAsync(db, accountId, now, cancellationToken);
        var webhooks = await db.Webhooks.AsNoTracking()
            .Where(w => w.AccountId == accountId)
            .OrderBy(w => w.Name)
            .Select(w => new WebhookHead(w.Id, w.Name, w.Url, w.Enabled, w.DisabledReason, w.ConsecutiveFailures))
            .ToListAsync(cancellationToken);

        var buckets = Bucket(counts, window);
        var totals = new DashboardTotals(events,
            buckets.Sum(b => b.Total), buckets.Sum(b => b.Succeeded), buckets.Sum(b => b.Failed), buckets.Sum(b => b.InProgress));
        var byWebhook = counts.ToLookup(c => c.WebhookId);
        var latency = await MeasureLatencyAsync(db, webhooks, byWebhook, window, cancellationToken);
        var problems = await FindProblemsAsync(db, accountId, webhooks, byWebhook, window, cancellationToken);
        return new DashboardSummary(period, now, window.From, buckets, totals, queue, latency, problems);
    }

    private static async Task<List<DeliveryCount>> CountDeliveriesAsync(
        AppDbContext db, Guid accountId, DashboardWindow window, CancellationToken cancellationToken)
    {
        var inPeriod = db.Deliveries.Where(d =>
            d.AccountId == accountId && !d.IsTest && d.CreatedAt >= window.From && d.CreatedAt < window.To);
        // Date and Hour translate on SQLite (strftime) and PostgreSQL (date_trunc, date_part) alike.
        return window.Period == DashboardPeriod.Last24Hours
            ? await inPeriod
                .GroupBy(d => new { d.WebhookId, d.CreatedAt.Date, d.CreatedAt.Hour, d.Status })
                .Select(g => new DeliveryCount(g.Key.WebhookId, g.Key.Date, g.Key.Hour, g.Key.Status, g.Count()))
                .ToListAsync(cancellationToken)
            : await inPeriod
                .GroupBy(d => new { d.WebhookId, d.CreatedAt.Date, d.Status })
                .Select(g => new DeliveryCount(g.Key.WebhookId, g.Key.Date, 0, g.Key.Status, g.Count()))
                .ToListAsync(cancellationToken);
    }

    private static async Task<RetryQueue> ReadQueueAsync(AppDbContext db, Guid accountId, DateTime now, CancellationToken cancellationToken)
    {
        var open = await db.Deliveries
            .Where(d => d.AccountId == accountId && !d.IsTest && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Retrying))
            .GroupBy(d => d.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Due = g.Count(d => d.NextAttemptAt != null && d.NextAttemptAt <= now) })
            .ToListAsync(cancellationToken);
        return new RetryQueue(
            open.Where(o => o.Status == DeliveryStatus.Pending).Sum(o => o.Count),
            open.Where(o => o.Status == DeliveryStatus.Retrying).Sum(o => o.Count),
            open.Sum(o => o.Due));
    }

    private static List<DeliveryBucket> Bucket(List<DeliveryCount> counts, DashboardWindow window)
    {
        var succeeded = new int[window.Buckets];
        var failed = new int[window.Buckets];
        var open = new int[window.Buckets];
        foreach (var count in counts)
        {
            var index = (int)((count.BucketStart - window.From).Ticks / window.Step.Ticks);
            if (index < 0 || index >= window.Buckets)
            {
                continue;
            }
            var into = count.Status switch
            {
                DeliveryStatus.Succeeded => succeeded,
                DeliveryStatus.Failed => failed,
                _ => open,
            };
            into[index] += count.Count;
        }
        return [.. Enumerable.Range(0, window.Buckets)
            .Select(i => new DeliveryBucket(window.From + window.Step * i, succeeded[i], failed[i], open[i]))];
    }

    private static async Task<List<WebhookLatency>> MeasureLatencyAsync(AppDbContext db, List<WebhookHead> webhooks,
        ILookup<Guid, DeliveryCount> byWebhook, DashboardWindow window, CancellationToken cancellationToken)
    {
        var rows = new List<WebhookLatency>();
        foreach (var webhook in webhooks.Where(w => byWebhook.Contains(w.Id)))
        {
            // One small indexed query per active webhook: a provider-neutral "top N per group".
            var durations = await db.Attempts
                .Where(a => a.WebhookId == webhook.Id && a.CreatedAt >= window.From && a.CreatedAt < window.To)
                .OrderByDescending(a => a.CreatedAt)
                .Take(LatencySampleSize)
                .Select(a => a.DurationMs)
                .ToListAsync(cancellationToken);
            durations.Sort();
            var counts = byWebhook[webhook.Id].ToList();
            rows.Add(new WebhookLatency(webhook.Id, webhook.Name, webhook.Url, webhook.Enabled,
                counts.Where(c => c.Status == DeliveryStatus.Succeeded).Sum(c => c.Count),
                counts.Where(c => c.Status == DeliveryStatus.Failed).Sum(c => c.Count),
                durations.Count, Percentiles.NearestRank(durations, 50), Percentiles.NearestRank(durations, 95)));
        }
        return rows;
    }

    private static async Task<List<WebhookProblem>> FindProblemsAsync(AppDbContext db, Guid accountId, List<WebhookHead> webhooks,
        ILookup<Guid, DeliveryCount> byWebhook, DashboardWindow window, CancellationToken cancellationToken)
    {
        var failing = webhooks
            .Select(w => (Webhook: w, Failed: byWebhook[w.Id].Where(c => c.Status == DeliveryStatus.Failed).Sum(c => c.Count)))
            .Where(x => !x.Webhook.Enabled || x.Webhook.ConsecutiveFailures > 0 || x.Failed > 0)
            .OrderBy(x => x.Webhook.Enabled)
            .ThenByDescending(x => x.Webhook.ConsecutiveFailures)
            .ThenByDescending(x => x.Failed)
            .Take(ProblemLimit)
            .ToList();
        var problems = new List<WebhookProblem>();
        foreach (var (webhook, failed) in failing)
        {
            var last = await db.Deliveries
                .Where(d => d.AccountId == accountId && d.WebhookId == webhook.Id && d.CreatedAt >= window.From
                    && d.Status == DeliveryStatus.Failed && !d.IsTest)
                .OrderByDescending(d => d.CreatedAt)
                .Select(d => new { d.CompletedAt, d.UpdatedAt, d.LastError, d.LastStatusCode })
                .FirstOrDefaultAsync(cancellationToken);
            var lastError = last?.LastError ?? (last?.LastStatusCode is { } status ? $"HTTP {status}" : null);
            problems.Add(new WebhookProblem(webhook.Id, webhook.Name, webhook.Url, webhook.Enabled, webhook.DisabledReason,
                webhook.ConsecutiveFailures, failed, last?.CompletedAt ?? last?.UpdatedAt, lastError));
        }
        return problems;
    }

    private sealed record DeliveryCount(Guid WebhookId, DateTime Day, int Hour, DeliveryStatus Status, int Count)
    {
        public DateTime BucketStart => DateTime.SpecifyKind(Day, DateTimeKind.Utc).AddHours(Hour);
    }

    private sealed record WebhookHead(Guid Id, string Name, string Url, bool Enabled, string? DisabledReason, int ConsecutiveFailures);
}
