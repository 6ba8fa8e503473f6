using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Dispatching;

/// <summary>
/// The webhooks the dispatcher sends to, remembered for a few seconds instead of read for every batch. A change
/// made on this node (an edit, a rotated secret, a disable), or heard of from another node, forgets them all at once
/// (<see cref="WebhookSetupChanges"/>); one whose news is lost is seen here once the entry expires. The entities are
/// shared: never change one.
/// A webhook's failure count is not kept fresh here; a success resets it with a conditional UPDATE either way.
/// </summary>
internal sealed class WebhookCache
{
    /// <summary>How long another node's change may go unseen here should its news be lost.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly IDbContextFactory<AppDbContext> dbFactory;
    private readonly ExpiringCache<Guid, WebhookEndpoint?> webhooks;

    /// <summary>A compiled query keeps the provider it first ran with, so each app (each cache) compiles its own.</summary>
    private readonly Func<AppDbContext, Guid[], IAsyncEnumerable<WebhookEndpoint>> webhooksByIds =
        EF.CompileAsyncQuery((AppDbContext db, Guid[] ids) => db.Webhooks.AsNoTracking().Where(w => ids.Contains(w.Id)));

    public WebhookCache(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, WebhookSetupChanges changes)
    {
        this.dbFactory = dbFactory;
        webhooks = new(Lifetime, time);
        changes.Changed += webhooks.Clear;
    }

    /// <summary>The webhooks of <paramref name="ids"/> by id; a deleted one is missing from the answer.</summary>
    public async Task<Dictionary<Guid, WebhookEndpoint>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, WebhookEndpoint>(ids.Count);
        List<Guid>? missing = null;
        foreach (var id in ids)
        {
            if (webhooks.TryGet(id, out var webhook))
            {
                if (webhook is not null)
                {
                    found[id] = webhook;
                }
            }
            else
            {
                (missing ??= []).Add(id);
            }
        }
        if (missing is null)
        {
            return found;
        }

        var mark = webhooks.Mark();
        var read = new Dictionary<Guid, WebhookEndpoint>(missing.Count);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await foreach (var webhook in webhooksByIds(db, [.. missing]).WithCancellation(cancellationToken))
            {
                read[webhook.Id] = webhook;
            }
        }
        foreach (var id in missing)
        {
            var webhook = read.GetValueOrDefault(id);
            webhooks.Set(id, webhook, mark);
            if (webhook is not null)
            {
                found[id] = webhook;
            }
        }
        return found;
    }
}
