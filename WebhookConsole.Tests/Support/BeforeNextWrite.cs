using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WebhookConsole.Tests.Support;

/// <summary>
/// Runs an action once, when a context of the app holding a <typeparamref name="T"/> next begins a transaction or
/// saves: another request's change landing between a service's checks and its write. Registered in the app as an
/// <see cref="IInterceptor"/>.
/// </summary>
public sealed class BeforeNextWrite<T> : SaveChangesInterceptor, IDbTransactionInterceptor where T : class
{
    public Func<Task>? Run { get; set; }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await RunOnceAsync(eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await RunOnceAsync(eventData.Context);
        return result;
    }

    private async Task RunOnceAsync(DbContext? context)
    {
        if (Run is { } run && context is not null && context.ChangeTracker.Entries<T>().Any())
        {
            Run = null;
            await run();
        }
    }
}
