using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace WebhookConsole.Data;

/// <summary>
/// The path of the hot writes on SQLite (new events with their deliveries, attempts with their moves): one
/// long-lived connection with statements prepared once, instead of a pooled context, EF Core's change tracking and
/// SQL parsed anew per transaction. A connection that wrote last also keeps its page cache and its memory map;
/// SQLite drops both whenever another connection has written since, so one writer for most writes spares them.
/// Writes are serialised here and pass the same <see cref="SqliteWriteGate"/> as every other writer of the file.
/// Not used with PostgreSQL, or with an in-memory SQLite database (private to its connection).
/// </summary>
internal sealed class SqliteWriter(IDbContextFactory<AppDbContext> dbFactory, IOptions<DatabaseOptions> options) : IDisposable
{
    private readonly SemaphoreSlim exclusive = new(1, 1);
    private readonly Dictionary<Type, SqliteRowInsert> inserts = [];
    private readonly Dictionary<string, SqliteStatement> statements = new(StringComparer.Ordinal);
    private SqliteConnection? connection;
    private IModel? model;
    private bool? used;

    /// <summary>True when the database is an SQLite file, so the hot writes go through <see cref="WriteAsync{T}"/>.</summary>
    public bool IsUsed => used ??= options.Value.Provider == DatabaseProvider.Sqlite && IsFile(ConnectionString());

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction on the writer's connection and commits it; a failure
    /// rolls everything back and is rethrown as a <see cref="DbUpdateException"/>, as EF Core reports a failed save.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteWriteBatch, T> work)
    {
        await exclusive.WaitAsync();
        try
        {
            var open = await OpenAsync();
            var gate = SqliteWriteGate.Instance.GateOf(open);
            var entered = gate is not null && await gate.WaitAsync(SqliteWriteGate.MaxWait);
            try
            {
                using var transaction = open.BeginTransaction();
                T result;
                try
                {
                    result = work(new SqliteWriteBatch(this, transaction));
                }
                catch (SqliteException ex)
                {
                    throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", ex);
                }
                transaction.Commit();
                return result;
            }
            finally
            {
                if (entered)
                {
                    gate!.Release();
                }
            }
        }
        finally
        {
            exclusive.Release();
        }
    }

    internal SqliteRowInsert InsertOf(Type entityClrType)
    {
        if (!inserts.TryGetValue(entityClrType, out var insert))
        {
            var entityType = model!.FindEntityType(entityClrType) ?? throw new InvalidOperationException($"{entityClrType.Name} is not in the model.");
            insert = new SqliteRowInsert(connection!, entityType);
            inserts[entityClrType] = insert;
        }
        return insert;
    }

    internal SqliteStatement StatementOf(string sql, Func<IModel, IReadOnlyList<IProperty>> parameters)
    {
        if (!statements.TryGetValue(sql, out var statement))
        {
            statement = new SqliteStatement(connection!, sql, parameters(model!));
            statements[sql] = statement;
        }
        return statement;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        if (connection is { State: System.Data.ConnectionState.Open })
        {
            return connection;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        model = db.Model;
        connection = new SqliteConnection(db.Database.GetConnectionString());
        connection.Open();
        SqlitePragmaInterceptor.Apply(connection);
        return connection;
    }

    private string ConnectionString()
    {
        using var db = dbFactory.CreateDbContext();
        return db.Database.GetConnectionString() ?? "";
    }

    private static bool IsFile(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        return !string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory;
    }

    public void Dispose()
    {
        foreach (var insert in inserts.Values)
        {
            insert.Dispose();
        }
        foreach (var statement in statements.Values)
        {
            statement.Dispose();
        }
        connection?.Dispose();
        exclusive.Dispose();
    }
}
