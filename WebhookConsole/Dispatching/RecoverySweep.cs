using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebhookConsole.Data;
using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Dispatching;

/// <summary>
/// The outbox's safety net: at start and every few seconds, enqueues every delivery that is due and not leased.
/// The dispatch queue (and Hangfire's, in memory) may be lost with the process; the database rows are not, so
/// nothing accepted is lost. It hands this process's queue no more than it has room for, with either provider:
/// the rest is the queue's backlog, which the dispatcher leases from the database itself. A delivery that only
/// waits its turn in a live queue longer than the grace is swept too, so copies in memory are bounded by the
/// queue's capacity, and the lease lets one of them through.
/// </summary>
internal sealed class RecoverySweep(
    IDbContextFactory<AppDbContext> dbFactory,
    DeliveryScheduler scheduler,
    IOptionsMonitor<DispatcherOptions> options,
    IOptions<DatabaseOptions> database,
    TimeProvider time,
    DatabaseOutageLog outage,
    ILogger<RecoverySweep> logger) : BackgroundService
{
    private const int BatchSize = 1000;

    /// <summary>
    /// On SQLite, releases the leases a previous run left before the server takes its first request: released any
    /// later, a delivery this run's ingest had just leased and handed to its queue would be released too, and sent twice.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Value.Provider == DatabaseProvider.Sqlite)
        {
            await ReleaseAllLeasesAsync(cancellationToken);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A delivery enqueued this recently is left to the queue that already holds it.
        var grace = TimeSpan.FromSeconds(options.CurrentValue.SweepGraceSeconds);
        if (database.Value.Provider == DatabaseProvider.Sqlite)
        {
            // One process owns an SQLite file: any lease found at start belonged to a process that died (released
            // in StartAsync), and the in-memory queue died with it, so everything due is enqueued at once.
            await SweepAsync(TimeSpan.Zero, stoppingToken);
        }
        else
        {
            // Other nodes are alive: their leases, their dispatch queues and the shared job storage stand.
            await SweepAsync(grace, stoppingToken);
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.CurrentValue.SweepIntervalSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(grace, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    if (!outage.ReportIfUnavailable("recovery sweep", ex))
                    {
                        logger.LogError(ex, "Recovery sweep failed; it runs again in {Seconds} s", options.CurrentValue.SweepIntervalSeconds);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping ends the wait; the host reports a stop it did not ask for (a start that failed) as a fault.
        }
    }

    /// <summary>Enqueues due, unleased deliveries; returns how many.</summary>
    public async Task<int> SweepAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        var total = 0;
        var started = time.GetUtcNow().UtcDateTime;
        var dueBefore = started - grace;
        // Stamped just after the cut-off, so the next batch of this sweep does not pick them up again.
        var stamp = started.AddMilliseconds(1);
        while (true)
        {
            var room = scheduler.Room;
            if (room == 0)
            {
                // What is left waits in the database; the dispatcher takes it from there as it frees slots.
                scheduler.MarkBacklog();
                break;
            }
            var limit = Math.Min(BatchSize, room);
            var now = time.GetUtcNow().UtcDateTime;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var due = await ClaimDueAsync(db, dueBefore, now, stamp, limit, cancellationToken);
            foreach (var id in due)
            {
                scheduler.Recover(id);
            }
            total += due.Count;
            if (due.Count < limit)
            {
                break;
            }
        }
        if (total > 0)
        {
            logger.LogInformation("Recovery sweep enqueued {Count} due deliveries", total);
        }
        return total;
    }

    /// <summary>
    /// Stamps up to <paramref name="limit"/> due, unleased deliveries with the sweep's time, which keeps later sweeps
    /// from enqueuing them again within the grace, and returns their ids.
    /// </summary>
    private static async Task<List<Guid>> ClaimDueAsync(AppDbContext db, DateTime dueBefore, DateTime now, DateTime stamp, int limit, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            // Every node sweeps: each claims only rows no other sweep has locked, and enqueues exactly the rows it
            // stamped, so two sweeps at once do not enqueue one delivery twice.
            return await db.Database.SqlQuery<Guid>($"""
                UPDATE "Deliveries" SET "NextAttemptAt" = {stamp}
                WHERE "Id" IN (
                    SELECT "Id" FROM "Deliveries"
                    WHERE "Status" IN ({(int)DeliveryStatus.Pending}, {(int)DeliveryStatus.Retrying})
                      AND "NextAttemptAt" <= {dueBefore}
                      AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {now})
                    ORDER BY "NextAttemptAt"
                    LIMIT {limit}
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(cancellationToken);
        }

        var due = await DueDeliveries.Query(db, dueBefore, now, limit).ToListAsync(cancellationToken);
        if (due.Count > 0)
        {
            // One process writes an SQLite file, so nothing can claim these between the read and this update.
            await db.Deliveries
                .Where(d => due.Contains(d.Id) && d.NextAttemptAt <= dueBefore && (d.LeaseUntil == null || d.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, stamp), cancellationToken);
        }
        return due;
    }

    private async Task ReleaseAllLeasesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var released = await db.Deliveries
            .Where(d => d.LeaseUntil != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LeaseUntil, (DateTime?)null), cancellationToken);
        if (released > 0)
        {
            logger.LogInformation("Released {Count} leases left by a previous run", released);
        }
    }
}
