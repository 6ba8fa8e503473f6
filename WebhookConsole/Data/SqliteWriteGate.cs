using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WebhookConsole.Data;

/// <summary>
/// Lets one writer at a time into an SQLite file, in process, with a fair async queue. SQLite admits one
/// writer anyway; without this, concurrent writers (ingest requests, dispatcher workers) collide on its lock
/// and its busy handler backs off to sleeps of 25-100 ms while the lock sits free, so throughput collapses
/// under load. A writer is a transaction, or a data-changing statement outside one. Purely an optimisation:
/// a writer that waits longer than the busy timeout goes ahead and SQLite's own locking decides.
/// </summary>
internal sealed class SqliteWriteGate : IDbConnectionInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    /// <summary>How long a writer waits for the gate before it goes ahead and leaves the wait to SQLite's own locking.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private static readonly string[] WriteVerbs = ["INSERT", "UPDATE", "DELETE", "REPLACE"];

    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    /// <summary>The gate each connection holds, by EF Core's connection id (a committed transaction forgets its connection).</summary>
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> held = new();

    private SqliteWriteGate()
    {
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, eventData.ConnectionId, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection, eventData.ConnectionId);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.ConnectionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Leave(eventData.ConnectionId);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.ConnectionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Leave(eventData.ConnectionId);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(eventData.ConnectionId);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Leave(eventData.ConnectionId);

    // A transaction disposed without commit or rollback (an exception in between) ends with its connection.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(eventData.ConnectionId);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => Leave(eventData.ConnectionId);

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterLoneWrite(command, eventData.ConnectionId);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterLoneWriteAsync(command, eventData.ConnectionId, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveLoneWrite(command, eventData.ConnectionId);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveLoneWrite(command, eventData.ConnectionId);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterLoneWrite(command, eventData.ConnectionId);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterLoneWriteAsync(command, eventData.ConnectionId, cancellationToken);
        return result;
    }

    // A lone statement read through a reader (INSERT ... RETURNING) commits when its reader is disposed.
    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveLoneWrite(command, eventData.ConnectionId);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveLoneWrite(command, eventData.ConnectionId);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveLoneWrite(command, eventData.ConnectionId);
        return Task.CompletedTask;
    }

    /// <summary>A data-changing statement outside a transaction: it commits on its own.</summary>
    public static bool IsLoneWrite(DbCommand command)
    {
        if (command.Transaction is not null || command.Connection is null)
        {
            return false;
        }
        var text = command.CommandText.AsSpan().TrimStart();
        foreach (var verb in WriteVerbs)
        {
            if (text.StartsWith(verb, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private void EnterLoneWrite(DbCommand command, Guid connectionId)
    {
        if (IsLoneWrite(command))
        {
            Enter(command.Connection!, connectionId);
        }
    }

    private Task EnterLoneWriteAsync(DbCommand command, Guid connectionId, CancellationToken cancellationToken) =>
        IsLoneWrite(command) ? EnterAsync(command.Connection!, connectionId, cancellationToken) : Task.CompletedTask;

    private void LeaveLoneWrite(DbCommand command, Guid connectionId)
    {
        if (command.Transaction is null)
        {
            Leave(connectionId);
        }
    }

    private async Task EnterAsync(DbConnection connection, Guid connectionId, CancellationToken cancellationToken)
    {
        if (GateOf(connection) is { } gate && !held.ContainsKey(connectionId) && await gate.WaitAsync(MaxWait, cancellationToken))
        {
            held[connectionId] = gate;
        }
    }

    private void Enter(DbConnection connection, Guid connectionId)
    {
        if (GateOf(connection) is { } gate && !held.ContainsKey(connectionId) && gate.Wait(MaxWait))
        {
            held[connectionId] = gate;
        }
    }

    private Task Leave(Guid connectionId)
    {
        if (held.TryRemove(connectionId, out var gate))
        {
            gate.Release();
        }
        return Task.CompletedTask;
    }

    /// <summary>One gate per database file; in-memory databases are private to their connection and need none.</summary>
    public SemaphoreSlim? GateOf(DbConnection connection) =>
        string.IsNullOrEmpty(connection.DataSource) || connection.DataSource == ":memory:"
            ? null
            : gates.GetOrAdd(connection.DataSource, _ => new SemaphoreSlim(1, 1));
}
