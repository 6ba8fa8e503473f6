using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;

namespace WebhookConsole.Features.Audit;

/// <summary>Reads the audit log of an account, which includes the changes every account shares (the event catalogue).</summary>
internal sealed class AuditQueryService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// How many of the newest entries (of the entity type and action chosen) a search looks through at first. A text
    /// inside ids and names can use no index, so searching the whole log read every entry, about 100 to 250 ms for
    /// 100,000 of them, however few it found; the page says how far back it searched and offers to search further.
    /// </summary>
    public const int SearchDepth = 5_000;

    /// <summary>
    /// One page of the log and how many entries match. A search looks through the newest <paramref name="searchDepth"/>
    /// entries of the entity type and action chosen, and the page then tells from when on it searched.
    /// </summary>
    public async Task<AuditEntryPage> PageAsync(
        Guid accountId, AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken, int searchDepth = SearchDepth)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 0);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        DateTime? searchedFrom = null;
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Counted along the filters an index answers: the actor, matched inside the text like the search, would
            // make reaching the depth read as many entries as a search of the whole log when the actor is rare.
            searchedFrom = await SearchFromAsync(db, accountId, filter with { Search = null, Actor = null }, Math.Max(searchDepth, 1), cancellationToken);
            if (searchedFrom is { } from && (filter.Since is null || filter.Since < from))
            {
                filter = filter with { Since = from };
            }
        }
        var total = await Own(db, accountId, filter).CountAsync(cancellationToken) + await Shared(db, filter).CountAsync(cancellationToken);
        var items = await PageQuery(db, accountId, filter, page, pageSize).ToListAsync(cancellationToken);
        return new AuditEntryPage(items, total, searchedFrom);
    }

    /// <summary>
    /// The time of the <paramref name="depth"/>-th newest entry that passes <paramref name="filter"/>, read along the
    /// account's and the shared index; null when no more than that many pass, and a search then reads them all.
    /// </summary>
    public static async Task<DateTime?> SearchFromAsync(AppDbContext db, Guid accountId, AuditFilter filter, int depth, CancellationToken cancellationToken)
    {
        var edge = await SearchEdgeQuery(db, accountId, filter, depth).ToListAsync(cancellationToken);
        return edge.Count == 2 ? edge[0] : null;
    }

    /// <summary>The times of the <paramref name="depth"/>-th and the next newest entries that pass the filter.</summary>
    public static IQueryable<DateTime> SearchEdgeQuery(AppDbContext db, Guid accountId, AuditFilter filter, int depth) =>
        Own(db, accountId, filter).Select(e => e.OccurredAt).Concat(Shared(db, filter).Select(e => e.OccurredAt))
            .OrderByDescending(t => t)
            .Skip(depth - 1).Take(2);

    /// <summary>
    /// One page of the log: the account's entries and the shared ones, each read newest first along its own index and
    /// merged, so a page reads about a page of entries. With <c>AccountId = x OR AccountId IS NULL</c> SQLite gathered
    /// and sorted every matching entry for each page.
    /// </summary>
    public static IQueryable<AuditEntry> PageQuery(AppDbContext db, Guid accountId, AuditFilter filter, int page, int pageSize) =>
        Own(db, accountId, filter).Concat(Shared(db, filter))
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(page * pageSize).Take(pageSize);

    /// <summary>The account's own entries that pass the filter.</summary>
    public static IQueryable<AuditEntry> Own(AppDbContext db, Guid accountId, AuditFilter filter) =>
        Matching(db.AuditEntries.AsNoTracking().Where(e => e.AccountId == accountId), filter);

    /// <summary>The entries every account shares (the event catalogue) that pass the filter.</summary>
    public static IQueryable<AuditEntry> Shared(AppDbContext db, AuditFilter filter) =>
        Matching(db.AuditEntries.AsNoTracking().Where(e => e.AccountId == null), filter);

    /// <summary>The entries of <paramref name="entries"/> that pass the filter.</summary>
    private static IQueryable<AuditEntry> Matching(IQueryable<AuditEntry> entries, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            entries = entries.Where(e => e.EntityType == filter.EntityType);
        }
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            entries = entries.Where(e => e.Action == filter.Action);
        }
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            entries = entries.Where(e => e.Actor.Contains(actor));
        }
        if (filter.Since is { } since)
        {
            entries = entries.Where(e => e.OccurredAt >= since);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Ids are stored lower case; names are matched as typed.
            var search = filter.Search.Trim();
            var lower = search.ToLowerInvariant();
            entries = entries.Where(e => e.EntityId.Contains(lower) || (e.EntityName != null && e.EntityName.Contains(search)));
        }
        return entries;
    }

    /// <summary>The distinct actors of the account's log, for the actor filter's suggestions.</summary>
    public async Task<List<string>> ActorsAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().Where(e => e.AccountId == accountId || e.AccountId == null)
            .Select(e => e.Actor).Distinct().OrderBy(a => a).Take(100).ToListAsync(cancellationToken);
    }
}
