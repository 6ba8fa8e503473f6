using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebhookConsole.Data;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Events;

namespace WebhookConsole.Features.Retention;

/// <summary>
/// Purges attempts and events older than <c>Retention:Days</c>. Work still in progress is kept: an event
/// goes only when none of its deliveries is pending or retrying. Deletes run in batches paced by a
/// <see cref="BatchPacer"/>, so ingest and the dispatcher's writes are never held up for long.
/// </summary>
internal sealed class RetentionJob(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptionsMonitor<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionJob> logger)
{
    public const string RecurringJobId = "retention-purge";
    /// <summary>The most rows one batch deletes; the pacer starts at <see cref="FirstBatchSize"/> and finds its size between.</summary>
    private const int BatchSize = 2000;

    private const int FirstBatchSize = 100;

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-options.CurrentValue.Days);
        // Each batch is the first rows in an order an index gives without sorting the candidates, so every batch
        // stops reading as soon as it is full: attempts along their time-ordered (version 7) ids, events by age.
        var attempts = await PurgeBatchesAsync(db => db.Attempts
            .Where(a => a.CreatedAt < cutoff
                && db.Deliveries.Any(d => d.Id == a.DeliveryId
                    && (d.Status == DeliveryStatus.Succeeded || d.Status == DeliveryStatus.Failed)))
            .OrderBy(a => a.Id)
            .Select(a => a.Id), (db, ids) => db.Attempts.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken), cancellationToken);

        // Deleting an event cascades to its deliveries and their attempts. Account by account, along the index the
        // dashboard counts events by (account, age): an index of age alone would be one more B-tree for every
        // ingested event to update, for a job that runs once an hour.
        var events = 0;
        foreach (var accountId in await AccountIdsAsync(cancellationToken))
        {
            events += await PurgeBatchesAsync(db => OldEvents(db, accountId, cutoff),
                (db, ids) => DeleteWithoutOpenWorkAsync(db, ids, cancellationToken),
                cancellationToken);
        }

        if (attempts + events > 0)
        {
            logger.LogInformation("Retention purged {Attempts} attempts and {Events} events older than {Cutoff:u}", attempts, events, cutoff);
        }
    }

    /// <summary>
    /// An account's events received before <paramref name="cutoff"/> with no delivery still to attempt, oldest first,
    /// read along <c>IX_Events_AccountId_ReceivedAt</c>.
    /// </summary>
    internal static IQueryable<Guid> OldEvents(AppDbContext db, Guid accountId, DateTime cutoff) =>
        WithoutOpenWork(db, db.Events.Where(e => e.AccountId == accountId && e.ReceivedAt < cutoff))
            .OrderBy(e => e.ReceivedAt)
            .Select(e => e.Id);

    /// <summary>
    /// Deletes those of the events <paramref name="ids"/> that still have no delivery to attempt. The look and the
    /// delete are two statements, and a replay committed between them gives an old event work to do again (answered
    /// to its caller already), which the cascade would delete with it: the delete asks again. Asking again is not
    /// enough on PostgreSQL, where a replay's insert may still be uncommitted when the delete's check runs: the check
    /// does not see it, the delete then waits on the replay's key-share lock on the event (its foreign key check),
    /// and once the replay commits it deletes the event, and the replay with it, without asking again. So the events
    /// are first locked, skipping those a replay holds right now (they go on a later run), and only then checked and
    /// deleted, by a statement whose snapshot (read committed) sees every replay committed before the lock was
    /// taken; a replay that comes after waits for the lock, and finds its event gone. SQLite needs none of this: its
    /// writers take turns, so the delete's check sees every replay committed, and no other can commit until it is done.
    /// </summary>
    private static async Task<int> DeleteWithoutOpenWorkAsync(AppDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return await WithoutOpenWork(db, db.Events.Where(e => ids.Contains(e.Id))).ExecuteDeleteAsync(cancellationToken);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var candidates = ids.ToArray();
        var locked = await db.Database
            .SqlQuery<Guid>($"""SELECT "Id" AS "Value" FROM "Events" WHERE "Id" = ANY({candidates}) FOR UPDATE SKIP LOCKED""")
            .ToListAsync(cancellationToken);
        var deleted = await WithoutOpenWork(db, db.Events.Where(e => locked.Contains(e.Id))).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    /// <summary>The events with no delivery still to attempt: only those may go, with their deliveries and attempts.</summary>
    private static IQueryable<CallEvent> WithoutOpenWork(AppDbContext db, IQueryable<CallEvent> events) =>
        events.Where(e => !db.Deliveries.Any(d => d.CallEventId == e.Id
            && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Retrying)));

    private async Task<List<Guid>> AccountIdsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Accounts.AsNoTracking().Select(a => a.Id).ToListAsync(cancellationToken);
    }

    private async Task<int> PurgeBatchesAsync(
        Func<AppDbContext, IQueryable<Guid>> select,
        Func<AppDbContext, List<Guid>, Task<int>> delete,
        CancellationToken cancellationToken)
    {
        var total = 0;
        // An event's delete cascades to its deliveries and attempts, with every index entry of each: 2,000 events
        // held the writer for seconds. The pacer keeps each batch to a few tens of milliseconds.
        var pacer = new BatchPacer(BatchSize, FirstBatchSize);
        while (true)
        {
            var (asked, found, deleted) = await pacer.RunAsync(async size =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var ids = await select(db).Take(size).ToListAsync(cancellationToken);
                return (size, ids.Count, ids.Count == 0 ? 0 : await delete(db, ids));
            }, cancellationToken);
            total += deleted;
            // A full batch none of which could go (all given work again, or held by replays) would be read again
            // at once: the next run takes it.
            if (found < asked || deleted == 0)
            {
                return total;
            }
        }
    }
}
