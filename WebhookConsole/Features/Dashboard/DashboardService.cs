using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;
using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Features.Dashboard;

/// <summary>
/// Reads the dashboard of one account. Every figure is a COUNT computed by the database over a range of a
/// covering index (bucket boundaries are computed here and passed as parameters), so no delivery row is read,
/// nothing is sorted, and SQLite and PostgreSQL run the same queries. Test sends are left out of the counts; the
/// latency sample keeps their attempts, which time the receiver like any other request (and keep the sample index-only).
/// </summary>
/// <remarks>
/// Latency percentiles are exact nearest-rank percentiles over a bounded sample: each webhook's most recent
/// <see cref="LatencySampleSize"/> attempts in the period, read newest first from the (WebhookId, CreatedAt,
/// DurationMs) index. A percentile over every attempt would sort the whole period (window functions or
/// percentile_cont, which SQLite lacks); the recent sample costs the same on both providers whatever the volume,
/// and shows how the receiver behaves now.
/// </remarks>
internal sealed class DashboardService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const int LatencySampleSize = 1000;
    public const int ProblemLimit = 20;

    /// <summary>
    /// Every status: listed, they make each count a few ranges of the (account, status, created, test) index, read
    /// from the index alone. Without them the planner walks (account, created) and reads every delivery row of the bucket.
    /// </summary>
    private static readonly DeliveryStatus[] AllStatuses = Enum.GetValues<DeliveryStatus>();

    public async Task<DashboardSummary> GetAsync(Guid accountId, DashboardPeriod period, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var window = DashboardWindow.Of(period, now);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Open once for the whole read: the queries below are many and small, and each opening of a connection runs
        // the connection's setup again (SQLite's pragmas), which would cost more than most of the queries themselves.
        await db.Database.OpenConnectionAsync(cancellationToken);

        var (buckets, testSends) = await CountBucketsAsync(db, accountId, window, cancellationToken);
        // A test send stores an event of its own with its one test delivery, made at the same instant: not traffic.
        var events = await db.Events.CountAsync(
            e => e.AccountId == accountId && e.ReceivedAt >= window.From && e.ReceivedAt < window.To, cancellationToken) - testSends;
        var totals = new DashboardTotals(events,
            buckets.Sum(b => b.Total), buckets.Sum(b => b.Succeeded), buckets.Sum(b => b.Failed), buckets.Sum(b => b.InProgress));
        var queue = await ReadQueueAsync(db, accountId, now, cancellationToken);
        var webhooks = await ReadWebhooksAsync(db, accountId, window, cancellationToken);
        var traffic = await MeasureWebhooksAsync(db, accountId, webhooks, window, cancellationToken);
        var problems = await FindProblemsAsync(db, accountId, webhooks, traffic, window, cancellationToken);
        return new DashboardSummary(period, now, window.From, buckets, totals, queue,
            [.. traffic.Where(t => t.Succeeded + t.Failed + t.SampledAttempts > 0)], problems);
    }

    /// <summary>
    /// A bucket's deliveries by status, with the test sends among them, in one statement. Grouped by status alone,
    /// the groups follow the index's order and need no sorting.
    /// </summary>
    internal static IQueryable<StatusCount> StatusCountsQuery(AppDbContext db, Guid accountId, DateTime start, DateTime end) =>
        db.Deliveries
            .Where(d => d.AccountId == accountId && AllStatuses.Contains(d.Status) && d.CreatedAt >= start && d.CreatedAt < end)
            .GroupBy(d => d.Status)
            .Select(g => new StatusCount(g.Key, g.Count(), g.Count(d => d.IsTest)));

    /// <summary>The buckets' outcomes, test sends left out, and how many test sends the period holds.</summary>
    private static async Task<(List<DeliveryBucket> Buckets, int TestSends)> CountBucketsAsync(
        AppDbContext db, Guid accountId, DashboardWindow window, CancellationToken cancellationToken)
    {
        var buckets = new List<DeliveryBucket>(window.Buckets);
        var testSends = 0;
        for (var i = 0; i < window.Buckets; i++)
        {
            var start = window.From + window.Step * i;
            var counts = await StatusCountsQuery(db, accountId, start, start + window.Step).ToListAsync(cancellationToken);
            int Traffic(params DeliveryStatus[] statuses) => counts.Where(c => statuses.Contains(c.Status)).Sum(c => c.Traffic);
            buckets.Add(new DeliveryBucket(start,
                Traffic(DeliveryStatus.Succeeded), Traffic(DeliveryStatus.Failed), Traffic(DeliveryStatus.Pending, DeliveryStatus.Retrying)));
            testSends += counts.Sum(c => c.TestSends);
        }
        return (buckets, testSends);
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

    /// <summary>
    /// The account's webhooks with their outcomes in the period, in one statement: each count is a range of the
    /// (account, webhook, status, created, test) index, asked as a subquery of the webhook's row. Two statements per
    /// webhook cost far more in EF Core's overhead than in the database, and no delivery row is read either way.
    /// </summary>
    internal static IQueryable<WebhookHead> WebhooksQuery(AppDbContext db, Guid accountId, DashboardWindow window) =>
        db.Webhooks.AsNoTracking()
            .Where(w => w.AccountId == accountId)
            .OrderBy(w => w.Name)
            .Select(w => new WebhookHead(w.Id, w.Name, w.Url, w.Enabled, w.DisabledReason, w.ConsecutiveFailures,
                db.Deliveries.Count(d => d.AccountId == accountId && d.WebhookId == w.Id && d.Status == DeliveryStatus.Succeeded
                    && d.CreatedAt >= window.From && d.CreatedAt < window.To && !d.IsTest),
                db.Deliveries.Count(d => d.AccountId == accountId && d.WebhookId == w.Id && d.Status == DeliveryStatus.Failed
                    && d.CreatedAt >= window.From && d.CreatedAt < window.To && !d.IsTest)));

    private static Task<List<WebhookHead>> ReadWebhooksAsync(AppDbContext db, Guid accountId, DashboardWindow window, CancellationToken cancellationToken) =>
        WebhooksQuery(db, accountId, window).ToListAsync(cancellationToken);

    /// <summary>
    /// Every webhook's latency sample in one statement, the same SQL on both providers: per webhook, a correlated
    /// subquery reads its latest attempts of the period newest first along the (WebhookId, CreatedAt, DurationMs) index,
    /// stops at the sample size, and joins their durations into one string (string_agg: PostgreSQL, and SQLite since
    /// 3.44). A "top N per group" is a LIMIT per webhook here; written in LINQ, EF Core numbers every attempt of the
    /// period with ROW_NUMBER instead, and a query per webhook costs more in round trips than in the database.
    /// </summary>
    internal static IQueryable<LatencySample> LatencySamplesQuery(AppDbContext db, Guid accountId, DashboardWindow window) =>
        db.Database.SqlQuery<LatencySample>($"""
            SELECT w."Id" AS "WebhookId", (
                SELECT string_agg(CAST(s."DurationMs" AS TEXT), ',')
                FROM (
                    SELECT a."DurationMs"
                    FROM "Attempts" AS a
                    WHERE a."WebhookId" = w."Id" AND a."CreatedAt" >= {window.From} AND a."CreatedAt" < {window.To}
                    ORDER BY a."CreatedAt" DESC
                    LIMIT {LatencySampleSize}) AS s) AS "Durations"
            FROM "Webhooks" AS w
            WHERE w."AccountId" = {accountId}
            """);

    private static async Task<List<WebhookLatency>> MeasureWebhooksAsync(AppDbContext db, Guid accountId, List<WebhookHead> webhooks,
        DashboardWindow window, CancellationToken cancellationToken)
    {
        var samples = await LatencySamplesQuery(db, accountId, window).ToDictionaryAsync(s => s.WebhookId, cancellationToken);
        var rows = new List<WebhookLatency>(webhooks.Count);
        foreach (var webhook in webhooks)
        {
            var durations = samples.TryGetValue(webhook.Id, out var sample) ? sample.Sorted() : [];
            rows.Add(new WebhookLatency(webhook.Id, webhook.Name, webhook.Url, webhook.Enabled, webhook.Succeeded, webhook.Failed,
                durations.Count, Percentiles.NearestRank(durations, 50), Percentiles.NearestRank(durations, 95)));
        }
        return rows;
    }

    private static async Task<List<WebhookProblem>> FindProblemsAsync(AppDbContext db, Guid accountId, List<WebhookHead> webhooks,
        List<WebhookLatency> traffic, DashboardWindow window, CancellationToken cancellationToken)
    {
        var failedById = traffic.ToDictionary(t => t.WebhookId, t => t.Failed);
        var failing = webhooks
            .Select(w => (Webhook: w, Failed: failedById.GetValueOrDefault(w.Id)))
            .Where(x => !x.Webhook.Enabled || x.Webhook.ConsecutiveFailures > 0 || x.Failed > 0)
            .OrderBy(x => x.Webhook.Enabled)
            .ThenByDescending(x => x.Webhook.ConsecutiveFailures)
            .ThenByDescending(x => x.Failed)
            .Take(ProblemLimit)
            .ToList();
        var problems = new List<WebhookProblem>(failing.Count);
        foreach (var (webhook, failed) in failing)
        {
            var last = await db.Deliveries
                .Where(d => d.AccountId == accountId && d.WebhookId == webhook.Id && d.Status == DeliveryStatus.Failed && !d.IsTest
                    && d.CreatedAt >= window.From)
                .OrderByDescending(d => d.CreatedAt)
                .Select(d => new { d.CompletedAt, d.UpdatedAt, d.LastError, d.LastStatusCode })
                .FirstOrDefaultAsync(cancellationToken);
            var lastError = last?.LastError ?? (last?.LastStatusCode is { } status ? $"HTTP {status}" : null);
            problems.Add(new WebhookProblem(webhook.Id, webhook.Name, webhook.Url, webhook.Enabled, webhook.DisabledReason,
                webhook.ConsecutiveFailures, failed, last?.CompletedAt ?? last?.UpdatedAt, lastError));
        }
        return problems;
    }

    internal sealed record WebhookHead(Guid Id, string Name, string Url, bool Enabled, string? DisabledReason, int ConsecutiveFailures,
        int Succeeded, int Failed);
}
