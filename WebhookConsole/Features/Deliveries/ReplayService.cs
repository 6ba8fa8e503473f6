using Microsoft.EntityFrameworkCore;
using WebhookConsole.Api;
using WebhookConsole.Data;
using WebhookConsole.Dispatching;

namespace WebhookConsole.Features.Deliveries;

/// <summary>
/// Replays deliveries: each replay is a new delivery (a new <c>webhook-id</c>) of the same event to the same
/// webhook, linked to the original, committed first and then enqueued like any delivery.
/// </summary>
internal sealed class ReplayService(
    IDbContextFactory<AppDbContext> dbFactory,
    DeliveryScheduler scheduler,
    DeliveryChanges changes,
    TimeProvider time,
    ILogger<ReplayService> logger)
{
    /// <summary>The most rows one bulk replay transaction adds; a <see cref="BatchPacer"/> finds the size up to it.</summary>
    private const int BatchSize = 500;

    private const int FirstBatchSize = 50;

    /// <summary>The new delivery; null with no errors when the delivery is not in the account.</summary>
    public async Task<DeliveryView?> ReplayAsync(Guid accountId, Guid deliveryId, FieldErrors errors, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var original = await db.Deliveries.AsNoTracking()
            .Where(d => d.Id == deliveryId && d.AccountId == accountId)
            .Join(db.Events, d => d.CallEventId, e => e.Id, (d, e) => new { Delivery = d, e.EventId, e.EnvironmentName })
            .SingleOrDefaultAsync(cancellationToken);
        if (original is null)
        {
            return null;
        }
        if (!await db.Webhooks.AnyAsync(w => w.Id == original.Delivery.WebhookId, cancellationToken))
        {
            errors.Add("webhook_id", "deleted", "the webhook of this delivery has been deleted");
            return null;
        }
        var replay = NewReplay(original.Delivery, time.GetUtcNow().UtcDateTime);
        db.Deliveries.Add(replay);
        if (!await SaveUnlessPurgedAsync(db, [original.Delivery.CallEventId], cancellationToken))
        {
            return null;
        }
        Enqueue([replay.Id]);
        return new DeliveryView(replay, original.EventId, original.EnvironmentName);
    }

    /// <summary>
    /// Replays every delivery matching the filter whose webhook and event still exist; answers how many. After each batch,
    /// <paramref name="progress"/> hears how many are done and of how many.
    /// </summary>
    public async Task<int> ReplayManyAsync(Guid accountId, DeliveryFilter filter, CancellationToken cancellationToken,
        IProgress<(int Done, int Total)>? progress = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Taken once, before any replay is added, so replays made here are never replayed again.
        var ids = await DeliveryQueryService.Filtered(db, accountId, filter)
            .Where(d => db.Webhooks.Any(w => w.Id == d.WebhookId))
            .OrderBy(d => d.CreatedAt)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        var done = 0;
        var replayed = 0;
        progress?.Report((0, ids.Count));
        // Each batch holds the database's writer (SQLite has one) until it commits: the pacer keeps it short, so
        // events posted meanwhile are not held up behind a replay of thousands.
        var pacer = new BatchPacer(BatchSize, FirstBatchSize);
        while (done < ids.Count)
        {
            var (taken, added) = await pacer.RunAsync(async size =>
            {
                var batch = ids.GetRange(done, Math.Min(size, ids.Count - done)).ToArray();
                return (batch.Length, await ReplayBatchAsync(db, batch, cancellationToken));
            }, cancellationToken);
            done += taken;
            replayed += added;
            progress?.Report((done, ids.Count));
        }
        return replayed;
    }

    /// <summary>Replays those of <paramref name="batch"/> still stored, in one transaction; answers how many.</summary>
    private async Task<int> ReplayBatchAsync(AppDbContext db, Guid[] batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var originals = await StillStoredAsync(db, batch, cancellationToken);
        List<Delivery> replays = [];
        while (originals.Count > 0)
        {
            replays = originals.Select(d => NewReplay(d, now)).ToList();
            db.Deliveries.AddRange(replays);
            if (await SaveUnlessPurgedAsync(db, [.. originals.Select(d => d.CallEventId).Distinct()], cancellationToken))
            {
                break;
            }
            // Retention purged some of them meanwhile: the batch is replayed again without them.
            replays = [];
            originals = await StillStoredAsync(db, batch, cancellationToken);
        }
        db.ChangeTracker.Clear();
        Enqueue(replays.Select(r => r.Id).ToList());
        return replays.Count;
    }

    /// <summary>
    /// Saves the replays added to <paramref name="db"/>; false, with nothing saved, when retention has purged one of
    /// their <paramref name="eventIds"/> (and the delivery replayed with it) since it was read: the foreign key
    /// refuses the replay, and a replay of what is gone is no replay at all.
    /// </summary>
    private static async Task<bool> SaveUnlessPurgedAsync(AppDbContext db, IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            if (await db.Events.CountAsync(e => eventIds.Contains(e.Id), cancellationToken) == eventIds.Count)
            {
                throw;
            }
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The deliveries of <paramref name="batch"/> still stored, as a replay reads them.</summary>
    private static Task<List<Delivery>> StillStoredAsync(AppDbContext db, Guid[] batch, CancellationToken cancellationToken) =>
        db.Deliveries.AsNoTracking().Where(d => batch.Contains(d.Id)).ToListAsync(cancellationToken);

    private static Delivery NewReplay(Delivery original, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = original.AccountId,
        CallEventId = original.CallEventId,
        WebhookId = original.WebhookId,
        EventType = original.EventType,
        EnvironmentId = original.EnvironmentId,
        Status = DeliveryStatus.Pending,
        NextAttemptAt = now,
        ReplayOfId = original.Id,
        // A test send's replay is a test send again: sample data, one attempt, not counted against the webhook's
        // health or on the dashboard.
        IsTest = original.IsTest,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private void Enqueue(IReadOnlyCollection<Guid> ids)
    {
        changes.Publish(ids);
        foreach (var id in ids)
        {
            try
            {
                scheduler.Enqueue(id);
            }
            catch (Exception ex)
            {
                // The row is committed; the recovery sweep enqueues what could not be enqueued here.
                logger.LogWarning(ex, "Could not enqueue replay {DeliveryId}; the recovery sweep will", id);
            }
        }
    }
}
