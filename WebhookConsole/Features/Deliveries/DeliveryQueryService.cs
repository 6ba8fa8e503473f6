using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;
using WebhookConsole.Data.Paging;

namespace WebhookConsole.Features.Deliveries;

/// <summary>
/// The delivery history and attempts of one account, newest first by (created, id), paged by key so a
/// page costs the same however deep it is and rows arriving meanwhile never shift a page.
/// </summary>
internal sealed class DeliveryQueryService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<Page<DeliveryView>> ListAsync(Guid accountId, DeliveryFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lookup = await EventIdPrefix.LookupForPageAsync(db, accountId, filter.EventId, cancellationToken);
        var items = await WithEventAsync(db, PageQuery(db, accountId, filter, page, lookup), cancellationToken);
        return Page<DeliveryView>.Of(items, page.PageSize, v => NewestFirst.KeyOf(v.Delivery));
    }

    /// <summary>The rows of one page, and one more to tell whether another page follows.</summary>
    public static IQueryable<Delivery> PageQuery(
        AppDbContext db, Guid accountId, DeliveryFilter filter, PageRequest page, EventIdLookup lookup = EventIdLookup.FromEvents)
    {
        var ordered = Filtered(db, accountId, filter, lookup).After(page.StartKey);
        var rows = page.StartKey is null && page.Skip > 0 ? ordered.Skip(page.Skip) : ordered;
        return rows.Take(page.PageSize + 1);
    }

    /// <summary>Every matching delivery, counted: for bulk work, which reads each of them anyway.</summary>
    public async Task<int> CountAsync(Guid accountId, DeliveryFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Filtered(db, accountId, filter).CountAsync(cancellationToken);
    }

    /// <summary>
    /// The matching deliveries counted up to <paramref name="limit"/>: what the history's pager shows. An exact count
    /// reads every match, about 100 ms for a million, while a page reads about a page.
    /// </summary>
    public async Task<BoundedCount> CountUpToAsync(Guid accountId, DeliveryFilter filter, int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await BoundedCount.OfAsync(Filtered(db, accountId, filter), limit, cancellationToken);
    }

    /// <summary>Those of the given deliveries that match the filter, newest first: what a live view patches in.</summary>
    public async Task<List<DeliveryView>> FindAsync(Guid accountId, DeliveryFilter filter, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await WithEventAsync(db, FindQuery(db, accountId, filter, ids), cancellationToken);
    }

    /// <summary>
    /// The given deliveries, each checked against the filter by its key. With the ids as one more condition of the
    /// filter, SQLite prefers the account's indexes to a dozen or more ids and walks the account's history for them.
    /// </summary>
    public static IQueryable<Delivery> FindQuery(AppDbContext db, Guid accountId, DeliveryFilter filter, IReadOnlyCollection<Guid> ids)
    {
        var matching = Filtered(db, accountId, filter, EventIdLookup.AlongHistory);
        return db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.Id) && matching.Any(m => m.Id == d.Id));
    }

    /// <summary>The account the delivery belongs to, whichever it is; null when there is no such delivery.</summary>
    public async Task<Guid?> AccountIdOfAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Deliveries.Where(d => d.Id == deliveryId).Select(d => (Guid?)d.AccountId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The delivery with its payload and attempts; null when the account has no such delivery.</summary>
    public async Task<DeliveryDetail?> DetailAsync(Guid accountId, Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Deliveries.AsNoTracking()
            .Where(d => d.Id == deliveryId && d.AccountId == accountId)
            .Join(db.Events, d => d.CallEventId, e => e.Id, (d, e) => new { Delivery = d, Event = e })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var attempts = await db.Attempts.AsNoTracking()
            .Where(a => a.DeliveryId == deliveryId)
            .OrderBy(a => a.Number).ThenBy(a => a.CreatedAt)
            .ToListAsync(cancellationToken);
        return new DeliveryDetail(new DeliveryView(row.Delivery, row.Event.EventId, row.Event.EnvironmentName),
            row.Event.DataJson, row.Event.OccurredAt, attempts);
    }

    /// <summary>Attempts of the account, or of one of its webhooks.</summary>
    public async Task<Page<DeliveryAttempt>> AttemptsAsync(Guid accountId, Guid? webhookId, PageRequest page, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await AttemptsQuery(db, accountId, webhookId, page).ToListAsync(cancellationToken);
        return Page<DeliveryAttempt>.Of(items, page.PageSize, NewestFirst.KeyOf);
    }

    /// <summary>The attempts of one page, and one more to tell whether another page follows.</summary>
    public static IQueryable<DeliveryAttempt> AttemptsQuery(AppDbContext db, Guid accountId, Guid? webhookId, PageRequest page)
    {
        var query = db.Attempts.AsNoTracking();
        if (webhookId is { } id)
        {
            // The webhook's attempts along its own index; the account is checked on the webhook. With the attempt's
            // AccountId in the query, SQLite walks all of the account's attempts newest first looking for the webhook's,
            // nearly all of them for a quiet webhook.
            query = query.Where(a => a.WebhookId == id && db.Webhooks.Any(w => w.Id == a.WebhookId && w.AccountId == accountId));
        }
        else
        {
            query = query.Where(a => a.AccountId == accountId);
        }
        return query.After(page.StartKey).Take(page.PageSize + 1);
    }

    public async Task<bool> WebhookExistsAsync(Guid accountId, Guid webhookId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Webhooks.AnyAsync(w => w.Id == webhookId && w.AccountId == accountId, cancellationToken);
    }

    /// <summary>The deliveries matching the filter, as a query for bulk work (replay).</summary>
    public static IQueryable<Delivery> Filtered(
        AppDbContext db, Guid accountId, DeliveryFilter filter, EventIdLookup lookup = EventIdLookup.FromEvents)
    {
        var query = db.Deliveries.AsNoTracking();
        if (string.IsNullOrWhiteSpace(filter.EventId))
        {
            query = query.Where(d => d.AccountId == accountId);
        }
        else if (lookup == EventIdLookup.FromEvents)
        {
            // The account's events whose id starts with the text, as a range on the (account, event id) index, and their
            // deliveries by event. A delivery belongs to its event's account, and leaving the delivery's AccountId out
            // keeps SQLite from walking the account's history instead (every other delivery index starts with it).
            var events = EventIdPrefix.Events(db, accountId, filter.EventId).Select(e => e.Id);
            query = query.Where(d => events.Contains(d.CallEventId));
        }
        else
        {
            var (from, to) = EventIdPrefix.Range(filter.EventId);
            // Each delivery's event looked up by key as the history is walked newest first: a page stops at a page of matches.
            query = query.Where(d => d.AccountId == accountId
                && db.Events.Any(e => e.Id == d.CallEventId && string.Compare(e.EventId, from) >= 0 && string.Compare(e.EventId, to) < 0));
        }
        if (filter.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }
        if (filter.WebhookId is { } webhookId)
        {
            query = query.Where(d => d.WebhookId == webhookId);
        }
        if (filter.EventType is { } eventType)
        {
            query = query.Where(d => d.EventType == eventType);
        }
        if (filter.Since is { } since)
        {
            query = query.Where(d => d.CreatedAt >= since);
        }
        if (filter.Until is { } until)
        {
            query = query.Where(d => d.CreatedAt <= until);
        }
        if (filter.Test is { } test)
        {
            // A constant rather than a parameter: only a constant lets the planner read the test sends' partial index.
            query = test ? query.Where(d => d.IsTest) : query.Where(d => !d.IsTest);
        }
        if (filter.EnvironmentId is { } environmentId)
        {
            query = query.Where(d => d.EnvironmentId == environmentId);
        }
        return query;
    }

    private static async Task<List<DeliveryView>> WithEventAsync(AppDbContext db, IQueryable<Delivery> deliveries, CancellationToken cancellationToken)
    {
        var rows = await deliveries
            .Join(db.Events, d => d.CallEventId, e => e.Id, (d, e) => new { Delivery = d, e.EventId, e.EnvironmentName })
            .ToListAsync(cancellationToken);
        // Join after Take loses the order in SQL; the page is small, so it is sorted again here.
        return rows
            .OrderByDescending(r => r.Delivery.CreatedAt).ThenByDescending(r => r.Delivery.Id)
            .Select(r => new DeliveryView(r.Delivery, r.EventId, r.EnvironmentName))
            .ToList();
    }
}
