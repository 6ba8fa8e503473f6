using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using WebhookConsole.Api;
using WebhookConsole.Data;
using WebhookConsole.Dispatching;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.EventTypes;

namespace WebhookConsole.Features.Events;

/// <summary>
/// Accepts call events: the event and one delivery per subscribed, enabled, matching webhook are committed
/// in one transaction (the outbox), and only then handed to the dispatcher. Events arriving together are
/// committed together (on SQLite by the <see cref="SqliteWriter"/>, on PostgreSQL by a
/// <see cref="GroupCommit{TItem, TResult}"/>); each request still answers only after its own event is committed.
/// </summary>
internal sealed class EventIngestService
{
    /// <summary>The most events one transaction takes.</summary>
    private const int MaxBatch = 200;

    private readonly IDbContextFactory<AppDbContext> dbFactory;
    private readonly SqliteWriter sqlite;
    private readonly EventTypeCatalog catalog;
    private readonly DeliveryScheduler scheduler;
    private readonly DeliveryChanges changes;
    private readonly TimeProvider time;
    private readonly ILogger<EventIngestService> logger;
    private readonly IngestRouteCache routes;
    private readonly GroupCommit<NewEvent, bool> commits;

    public EventIngestService(
        IDbContextFactory<AppDbContext> dbFactory,
        SqliteWriter sqlite,
        EventTypeCatalog catalog,
        IngestRouteCache routes,
        DeliveryScheduler scheduler,
        DeliveryChanges changes,
        TimeProvider time,
        ILogger<EventIngestService> logger)
    {
        this.dbFactory = dbFactory;
        this.sqlite = sqlite;
        this.catalog = catalog;
        this.routes = routes;
        this.scheduler = scheduler;
        this.changes = changes;
        this.time = time;
        this.logger = logger;
        commits = new GroupCommit<NewEvent, bool>(CommitAsync, CommitOneAsync, MaxBatch);
    }

    /// <summary>The result, or null with <paramref name="errors"/> filled when the event names unknown things.</summary>
    public async Task<IngestResult?> IngestAsync(Guid accountId, IngestRequest request, FieldErrors errors, CancellationToken cancellationToken)
    {
        // A repeated id answers with its first result, whatever else the body names. On SQLite the writer looks for
        // it in the transaction that would insert the event, on its own connection: a read on a pooled connection
        // costs more than the rest of the event, as that connection finds its cache stale after every write.
        var lookedUp = request.Id is not null && !sqlite.IsUsed;
        if (lookedUp && await FindRepeatAsync(accountId, request.Id!, cancellationToken) is { } existing)
        {
            return existing;
        }

        if (!await catalog.ExistsAsync(request.Event, cancellationToken))
        {
            errors.Add("event", "unknown", $"'{request.Event}' is not an event type of the catalogue");
        }
        var route = await routes.FindAsync(accountId, request.Environment, request.Event, cancellationToken);
        if (route is null)
        {
            errors.Add("environment", "unknown", $"this account has no environment named '{request.Environment}'");
        }
        if (errors.Any)
        {
            return request.Id is null || lookedUp ? null : await FindRepeatAsync(accountId, request.Id, cancellationToken);
        }
        var webhookIds = route!.WebhookIds;

        var now = time.GetUtcNow().UtcDateTime;
        var callEvent = new CallEvent
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            EventId = request.Id ?? Guid.CreateVersion7().ToString(),
            EventType = request.Event,
            EnvironmentId = route.EnvironmentId,
            EnvironmentName = route.EnvironmentName,
            OccurredAt = request.Timestamp ?? now,
            ReceivedAt = now,
            DataJson = request.Payload.ToJsonString(),
        };
        var deliveries = webhookIds.Select(webhookId => new Delivery
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            CallEventId = callEvent.Id,
            WebhookId = webhookId,
            EventType = callEvent.EventType,
            EnvironmentId = callEvent.EnvironmentId,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        foreach (var delivery in deliveries)
        {
            // With SQLite the dispatcher gets them leased already, so it need not lease and reload them.
            scheduler.LeaseNew(delivery, now);
        }

        try
        {
            var item = new NewEvent(callEvent, deliveries, GivenId: request.Id is not null);
            // SQLite's writer commits the events arriving together itself; PostgreSQL's go through the group commit.
            var inserted = await (sqlite.IsUsed ? sqlite.WriteAsync(rows => Insert(rows, item)) : commits.SubmitAsync(item));
            if (!inserted)
            {
                return await FindRepeatAsync(accountId, request.Id!, CancellationToken.None)
                    ?? throw new InvalidOperationException($"Event '{request.Id}' was seen by the writer but cannot be read.");
            }
        }
        catch (DbUpdateException ex) when (request.Id is not null && !DatabaseUnavailable.IsCause(ex))
        {
            // Two requests with one id at once: the unique index let one in; this one answers like a repeat.
            var raced = await FindRepeatAsync(accountId, request.Id, CancellationToken.None);
            if (raced is null)
            {
                throw;
            }
            return raced;
        }

        changes.Publish(deliveries.Select(d => d.Id).ToList());
        foreach (var delivery in deliveries)
        {
            try
            {
                scheduler.Enqueue(delivery, callEvent);
            }
            catch (Exception ex)
            {
                // Committed rows are never lost: the recovery sweep enqueues what could not be enqueued here.
                logger.LogWarning(ex, "Could not enqueue delivery {DeliveryId}; the recovery sweep will", delivery.Id);
            }
        }
        return new IngestResult(callEvent.EventId, deliveries.Select(d => d.Id).ToList(), Duplicate: false);
    }

    /// <summary>Events and their deliveries in one transaction (SaveChanges makes one).</summary>
    private async Task<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<NewEvent> batch)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        foreach (var item in batch)
        {
            db.Events.Add(item.Event);
            db.Deliveries.AddRange(item.Deliveries);
        }
        await db.SaveChangesAsync();
        return Enumerable.Repeat(true, batch.Count).ToList();
    }

    /// <summary>Inserts the event and its deliveries; false, inserting nothing, when the event's given id has been seen.</summary>
    private static bool Insert(SqliteWriteBatch rows, NewEvent item)
    {
        if (item.GivenId && rows.Any(SeenSql, SeenParameters, item.Event.AccountId, item.Event.EventId))
        {
            return false;
        }
        rows.Insert(item.Event);
        foreach (var delivery in item.Deliveries)
        {
            rows.Insert(delivery);
        }
        return true;
    }

    private const string SeenSql = """SELECT 1 FROM "Events" WHERE "AccountId" = @p0 AND "EventId" = @p1""";

    private static IReadOnlyList<IProperty> SeenParameters(IModel model)
    {
        var callEvent = model.FindEntityType(typeof(CallEvent))!;
        return [callEvent.FindProperty(nameof(CallEvent.AccountId))!, callEvent.FindProperty(nameof(CallEvent.EventId))!];
    }

    private async Task<bool> CommitOneAsync(NewEvent item) => (await CommitAsync([item]))[0];

    /// <summary>The first result of the account's event with this id, or null when the id is new.</summary>
    public async Task<IngestResult?> FindRepeatAsync(Guid accountId, string eventId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Events.AsNoTracking()
            .Where(e => e.AccountId == accountId && e.EventId == eventId)
            .Select(e => e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing == Guid.Empty)
        {
            return null;
        }
        var deliveryIds = await db.Deliveries.AsNoTracking()
            .Where(d => d.CallEventId == existing && d.ReplayOfId == null && !d.IsTest)
            .OrderBy(d => d.Id)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        return new IngestResult(eventId, deliveryIds, Duplicate: true);
    }

    private sealed record NewEvent(CallEvent Event, List<Delivery> Deliveries, bool GivenId);
}
