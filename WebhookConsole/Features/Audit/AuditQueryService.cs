using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;

namespace WebhookConsole.Features.Audit;

/// <summary>Reads the audit log of an account, which includes the changes every account shares (the event catalogue).</summary>
internal sealed class AuditQueryService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    public async Task<AuditEntryPage> PageAsync(Guid accountId, AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 0);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking().Where(e => e.AccountId == accountId || e.AccountId == null);
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(e => e.EntityType == filter.EntityType);
        }
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = query.Where(e => e.Actor.Contains(actor));
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Ids are stored lower case; names are matched as typed.
            var search = filter.Search.Trim();
            var lower = search.ToLowerInvariant();
            query = query.Where(e => e.EntityId.Contains(lower) || (e.EntityName != null && e.EntityName.Contains(search)));
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AuditEntryPage(items, total);
    }

    /// <summary>The distinct actors of the account's log, for the actor filter's suggestions.</summary>
    public async Task<List<string>> ActorsAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().Where(e => e.AccountId == accountId || e.AccountId == null)
            .Select(e => e.Actor).Distinct().OrderBy(a => a).Take(100).ToListAsync(cancellationToken);
    }
}
