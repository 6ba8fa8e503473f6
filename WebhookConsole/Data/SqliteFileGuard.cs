using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WebhookConsole.Data;

/// <summary>
/// Refuses EF Core's writes to an SQLite file deleted, moved or replaced while the app runs (see
/// <see cref="SqliteFileCheck"/>): a transaction is checked before its commit, which then rolls back, and after it, so
/// a commit the file went away during is not answered as saved; a lone write statement is checked before it runs
/// (and, read without a reader, after). The <see cref="SqliteWriter"/> checks its own transactions alike.
/// </summary>
internal sealed class SqliteFileGuard : IDbTransactionInterceptor, IDbCommandInterceptor
{
    public static readonly SqliteFileGuard Instance = new();

    private SqliteFileGuard()
    {
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Check(transaction.Connection);
        return result;
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Check(transaction.Connection);
        return ValueTask.FromResult(result);
    }

    // A committed transaction has forgotten its connection; its context has not.
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Check(eventData.Context?.Database.GetDbConnection());

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context?.Database.GetDbConnection());
        return Task.CompletedTask;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        CheckLoneWrite(command);
        return result;
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        CheckLoneWrite(command);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        CheckLoneWrite(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        CheckLoneWrite(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        CheckLoneWrite(command);
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        CheckLoneWrite(command);
        return ValueTask.FromResult(result);
    }

    private static void CheckLoneWrite(DbCommand command)
    {
        if (SqliteWriteGate.IsLoneWrite(command))
        {
            Check(command.Connection);
        }
    }

    private static void Check(DbConnection? connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            SqliteFileCheck.ThrowIfMoved(sqlite);
        }
    }
}
