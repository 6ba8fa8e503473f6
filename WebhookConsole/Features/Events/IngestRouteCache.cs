using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Features.Events;

/// <summary>
/// The routes ingest has looked up lately, by account, environment name and event type. Every event needs its
/// route and routes change only when an admin edits webhooks or environments, so a route is remembered for a few
/// seconds instead of read per event. A change made on this node, or heard of from another node, forgets every
/// route at once (<see cref="WebhookSetupChanges"/>); one whose news is lost is seen here once the entry expires.
/// </summary>
internal sealed class IngestRouteCache
{
    /// <summary>How long another node's change may go unseen here should its news be lost.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly IDbContextFactory<AppDbContext> dbFactory;
    private readonly ExpiringCache<(Guid AccountId, string Environment, string EventType), IngestRoute?> routes;

    /// <summary>A compiled query keeps the provider it first ran with, so each app (each cache) compiles its own.</summary>
    private readonly Func<AppDbContext, Guid, string, string, Task<IngestRoute?>> findRoute = IngestRoute.CompileQuery();

    public IngestRouteCache(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, WebhookSetupChanges changes)
    {
        this.dbFactory = dbFactory;
        routes = new(Lifetime, time);
        changes.Changed += routes.Clear;
    }

    /// <summary>The route, or null when the account has no such environment.</summary>
    public async Task<IngestRoute?> FindAsync(Guid accountId, string environment, string eventType, CancellationToken cancellationToken) =>
        await routes.GetOrReadAsync((accountId, environment, eventType), async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await findRoute(db, accountId, environment, eventType);
        });
}
