using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;

namespace WebhookConsole.Features.EventTypes;

/// <summary>The event catalogue: the seeded types plus whatever admins add.</summary>
internal sealed class EventTypeCatalog(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    // Every ingested event names its type and types change rarely, so a known name is remembered for a minute. A type
    // deleted on this node is forgotten at once; deleted on another node, it is still accepted here until then.
    private readonly ExpiringCache<string, bool> known = new(TimeSpan.FromMinutes(1), time);

    /// <summary>Adds every seeded type that is missing (by name); edits admins made to seeded types are kept.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.EventTypes.Select(t => t.Name).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var missing = EventTypeSeeds.All.Where(s => !existing.Contains(s.Name)).ToList();
        foreach (var seed in missing)
        {
            db.EventTypes.Add(new EventType
            {
                Id = Guid.CreateVersion7(),
                Name = seed.Name,
                Description = seed.Description,
                Source = seed.Source,
                SampleJson = seed.SampleJson,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) =>
        // Only names that exist are remembered: an unknown one is looked up each time, and cannot fill the cache.
        await known.GetOrReadAsync(name, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.EventTypes.AnyAsync(t => t.Name == name, cancellationToken);
        }, keep: exists => exists);

    /// <summary>Drops a deleted type from the names remembered as known.</summary>
    public void Forget(string name) => known.Remove(name);

    public async Task<List<EventType>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EventTypes.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
    }

    public async Task<EventType?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EventTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Name == name, cancellationToken);
    }
}
