using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WebhookConsole.Features.Environments;

namespace WebhookConsole.Features.Webhooks;

/// <summary>
/// Announces <see cref="WebhookSetupChanges"/> whenever a context saves a change to a webhook, an environment or a
/// subscription: as the save starts, when it commits on its own, and again when the transaction it was part of
/// commits (until then other connections still read the old rows, and a lookup in between would remember them).
/// </summary>
internal sealed class WebhookSetupInterceptor(WebhookSetupChanges changes) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Contexts that saved a routing change inside a transaction not yet committed.</summary>
    private readonly ConditionalWeakTable<DbContext, object> pending = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Routes(e.Entity)))
        {
            pending.AddOrUpdate(context, true);
            changes.Announce();
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && pending.TryGetValue(context, out _))
        {
            changes.Announce();
            if (context.Database.CurrentTransaction is null)
            {
                pending.Remove(context);
            }
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && pending.Remove(context))
        {
            changes.Announce();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            pending.Remove(context);
        }
    }

    private static bool Routes(object entity) => entity is WebhookEndpoint or WebhookEnvironment or EnvironmentSubscription;
}
