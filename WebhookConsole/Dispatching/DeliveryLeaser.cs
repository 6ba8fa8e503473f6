using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;
using WebhookConsole.Data;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Leases a batch of deliveries with one conditional UPDATE per webhook timeout (usually one), so a batch costs one
/// write, not one per delivery. Only rows still due and not leased are taken: a delivery done, not due or leased
/// elsewhere is left out. Across nodes on PostgreSQL the UPDATE is atomic under READ COMMITTED: a second node's
/// UPDATE of the same row waits for the first to commit, re-checks its WHERE, finds the lease taken and skips it.
/// </summary>
internal sealed class DeliveryLeaser(
    IDbContextFactory<AppDbContext> dbFactory,
    NodeIdentity node,
    IOptionsMonitor<DispatcherOptions> options,
    WebhookCache webhookCache,
    SqliteWriter sqlite,
    TimeProvider time)
{
    /// <summary>The lease of a delivery whose webhook is gone: its attempt only ends it.</summary>
    private const int DeletedWebhookTimeoutSeconds = 60;

    /// <summary>The latest lease time handed out per webhook timeout, in ticks (see <see cref="NextLeaseUntil"/>).</summary>
    private readonly ConcurrentDictionary<int, long> lastLeaseTicks = new();

    public async Task<List<DeliveryWork>> LeaseAsync(IReadOnlyCollection<Guid> deliveryIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LeaseAsync(db, deliveryIds, time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    private async Task<List<DeliveryWork>> LeaseAsync(AppDbContext db, IReadOnlyCollection<Guid> deliveryIds, DateTime now, CancellationToken cancellationToken)
    {
        var leased = new List<DeliveryWork>(deliveryIds.Count);
        // A retry's job may run on another node whose clock is a moment behind the scheduling node's; a second of
        // slack keeps it from being dropped and left to the recovery sweep. On one node the job never runs early
        // (DeliveryScheduler.Schedule).
        var dueBy = now.AddSeconds(1);
        var webhookIds = await db.Deliveries
            .Where(d => deliveryIds.Contains(d.Id))
            .Select(d => new { d.Id, d.WebhookId })
            .ToDictionaryAsync(d => d.Id, d => d.WebhookId, cancellationToken);
        // As for deliveries handed over: the webhooks from the cache, so a lease is as long as the timeout its send uses.
        var webhooks = await webhookCache.FindAsync([.. webhookIds.Values.Distinct()], cancellationToken);
        foreach (var group in deliveryIds.GroupBy(id => TimeoutOf(webhookIds.TryGetValue(id, out var webhookId) ? webhooks.GetValueOrDefault(webhookId) : null)))
        {
            var ids = group.ToList();
            var until = NextLeaseUntil(group.Key, now.AddSeconds(group.Key + options.CurrentValue.LeaseMarginSeconds));
            var count = await db.Deliveries
                .Where(d => ids.Contains(d.Id)
                    && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Retrying)
                    && d.NextAttemptAt <= dueBy
                    && (d.LeaseUntil == null || d.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.LeaseOwner, node.Name)
                    .SetProperty(d => d.LeaseUntil, until), cancellationToken);
            if (count > 0)
            {
                leased.AddRange(await LoadAsync(db, ids, until, webhooks, cancellationToken));
            }
        }
        return leased;
    }

    /// <summary>
    /// Leases retries the <see cref="RetryTimer"/> held in memory, on the SQLite writer, one conditional UPDATE each
    /// in one transaction: only a row still retrying, due, unleased and with no attempt made since it was held is
    /// taken, and then as held, without reading it back. The others, and every retry on any other database, are
    /// leased and loaded afresh as a bare id would be: their rows changed, or may have.
    /// </summary>
    public async Task<List<DeliveryWork>> LeaseHeldAsync(IReadOnlyList<HeldRetry> held, CancellationToken cancellationToken)
    {
        if (!sqlite.IsUsed)
        {
            return await LeaseAsync([.. held.Select(h => h.Delivery.Id)], cancellationToken);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var dueBy = now.AddSeconds(1);
        var webhooks = await webhookCache.FindAsync([.. held.Select(h => h.Delivery.WebhookId).Distinct()], cancellationToken);
        var untils = held
            .Select(h => TruncateToMilliseconds(now.AddSeconds(TimeoutOf(webhooks.GetValueOrDefault(h.Delivery.WebhookId)) + options.CurrentValue.LeaseMarginSeconds)))
            .ToArray();
        var leased = await sqlite.WriteAsync(rows =>
        {
            var taken = new bool[held.Count];
            for (var i = 0; i < held.Count; i++)
            {
                var delivery = held[i].Delivery;
                taken[i] = rows.Execute(LeaseHeldSql, LeaseHeldParameters,
                    node.Name, untils[i], delivery.Id, DeliveryStatus.Retrying, delivery.AttemptCount, dueBy, now) > 0;
            }
            return taken;
        });
        var work = new List<DeliveryWork>(held.Count);
        var changed = new List<Guid>();
        for (var i = 0; i < held.Count; i++)
        {
            var (delivery, callEvent) = held[i];
            if (leased[i])
            {
                delivery.LeaseOwner = node.Name;
                delivery.LeaseUntil = untils[i];
                work.Add(new DeliveryWork(delivery, webhooks.GetValueOrDefault(delivery.WebhookId), callEvent));
            }
            else
            {
                changed.Add(delivery.Id);
            }
        }
        if (changed.Count > 0)
        {
            work.AddRange(await LeaseAsync(changed, cancellationToken));
        }
        return work;
    }

    private const string LeaseHeldSql = """
        UPDATE "Deliveries" SET "LeaseOwner" = @p0, "LeaseUntil" = @p1
        WHERE "Id" = @p2 AND "Status" = @p3 AND "AttemptCount" = @p4 AND "NextAttemptAt" <= @p5
            AND ("LeaseUntil" IS NULL OR "LeaseUntil" < @p6)
        """;

    private static IReadOnlyList<IProperty> LeaseHeldParameters(IModel model)
    {
        var delivery = model.FindEntityType(typeof(Delivery))!;
        return [.. new[]
        {
            nameof(Delivery.LeaseOwner), nameof(Delivery.LeaseUntil), nameof(Delivery.Id), nameof(Delivery.Status),
            nameof(Delivery.AttemptCount), nameof(Delivery.NextAttemptAt), nameof(Delivery.LeaseUntil),
        }.Select(name => delivery.FindProperty(name)!)];
    }

    private static int TimeoutOf(WebhookEndpoint? webhook) => webhook?.TimeoutSeconds ?? DeletedWebhookTimeoutSeconds;

    /// <summary>
    /// Leases up to <paramref name="count"/> of the oldest due, unleased deliveries in the database: the backlog the
    /// <see cref="DispatchQueue"/> had no room for. Rows another worker leases meanwhile are left out, so
    /// <c>Found</c>, how many were due when looked at, tells whether more may wait, not the number leased.
    /// </summary>
    public async Task<(int Found, List<DeliveryWork> Leased)> LeaseDueAsync(int count, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // One context for the look and the lease: a backlog is taken a batch at a time, as often as the queue runs low.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await DueDeliveries.Query(db, now, now, count).ToListAsync(cancellationToken);
        return (due.Count, due.Count == 0 ? [] : await LeaseAsync(db, due, now, cancellationToken));
    }

    /// <summary>
    /// Work for deliveries committed already leased by this node (<see cref="DeliveryScheduler.LeaseNew"/>): only
    /// their webhooks are needed, from the <see cref="WebhookCache"/> (an admin's change on this node is seen at once).
    /// A delivery that waited so long that its lease would not outlast its attempt gives the lease back and is leased anew.
    /// </summary>
    public async Task<List<DeliveryWork>> AdoptAsync(IReadOnlyCollection<LeasedDelivery> handedOver, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var webhooks = await webhookCache.FindAsync([.. handedOver.Select(h => h.Delivery.WebhookId).Distinct()], cancellationToken);

        var work = new List<DeliveryWork>(handedOver.Count);
        var stale = new List<Guid>();
        foreach (var (delivery, callEvent) in handedOver)
        {
            var webhook = webhooks.GetValueOrDefault(delivery.WebhookId);
            var needed = TimeSpan.FromSeconds(TimeoutOf(webhook) + 1);
            if (delivery.LeaseUntil - now >= needed)
            {
                work.Add(new DeliveryWork(delivery, webhook, callEvent));
            }
            else
            {
                stale.Add(delivery.Id);
            }
        }
        if (stale.Count > 0)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Deliveries
                .Where(d => stale.Contains(d.Id) && d.LeaseOwner == node.Name)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.LeaseOwner, (string?)null)
                    .SetProperty(d => d.LeaseUntil, (DateTime?)null), cancellationToken);
            work.AddRange(await LeaseAsync(stale, cancellationToken));
        }
        return work;
    }

    private async Task<List<DeliveryWork>> LoadAsync(
        AppDbContext db, List<Guid> ids, DateTime until, Dictionary<Guid, WebhookEndpoint> webhooks, CancellationToken cancellationToken)
    {
        var deliveries = await db.Deliveries.AsNoTracking()
            .Where(d => ids.Contains(d.Id) && d.LeaseOwner == node.Name && d.LeaseUntil == until)
            .ToListAsync(cancellationToken);
        var eventIds = deliveries.Select(d => d.CallEventId).Distinct().ToList();
        var events = await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        return deliveries.Select(d => new DeliveryWork(d, webhooks.GetValueOrDefault(d.WebhookId), events[d.CallEventId])).ToList();
    }

    /// <summary>
    /// The lease time for one UPDATE, which then picks out the rows it leased: in whole milliseconds, so it reads back
    /// equal from every provider, and later than the last one given for the same timeout, so two leases of the same
    /// instant (the dispatcher's and a look at the backlog racing for one row) cannot both load the row as their own.
    /// </summary>
    private DateTime NextLeaseUntil(int timeoutSeconds, DateTime wanted)
    {
        var ticks = TruncateToMilliseconds(wanted).Ticks;
        var next = lastLeaseTicks.AddOrUpdate(timeoutSeconds, ticks, (_, last) => Math.Max(ticks, last + TimeSpan.TicksPerMillisecond));
        return new DateTime(next, wanted.Kind);
    }

    /// <summary>Whole milliseconds, so a lease time reads back equal from every provider.</summary>
    public static DateTime TruncateToMilliseconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), value.Kind);
}
