using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace WebhookConsole.Data;

/// <summary>
/// The path of the hot writes on SQLite (new events with their deliveries, attempts with their moves): one
/// long-lived connection with statements prepared once, instead of a pooled context, EF Core's change tracking and
/// SQL parsed anew per transaction. Writes submitted meanwhile, of any kind, are committed together in one
/// transaction (a group commit), so a page that several of them change (an index's last leaf) is written to the
/// log once, not once each; each caller is still answered only once its own write is committed. A connection that
/// wrote last also keeps its page cache and its memory map, which SQLite drops whenever another connection has
/// written since. Every transaction passes the same <see cref="SqliteWriteGate"/> as the file's other writers.
/// Not used with PostgreSQL, or with an in-memory SQLite database (private to its connection).
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    /// <summary>The name of the writer's own thread (the benchmark measures its time on a core by it).</summary>
    public const string ThreadName = "SQLite writer";

    /// <summary>The most writes one transaction takes.</summary>
    private const int MaxBatch = 500;

    private readonly IDbContextFactory<AppDbContext> dbFactory;
    private readonly IOptions<DatabaseOptions> options;
    private readonly SqliteWriterMetrics metrics;
    private readonly Channel<PendingWrite> channel = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<Type, SqliteRowInsert> inserts = [];
    private readonly Dictionary<Type, SqliteRowRead> reads = [];
    private readonly Dictionary<string, SqliteStatement> statements = new(StringComparer.Ordinal);
    private readonly Thread loop;
    private SqliteConnection? connection;
    private IModel? model;
    private bool? used;

    public SqliteWriter(IDbContextFactory<AppDbContext> dbFactory, IOptions<DatabaseOptions> options, SqliteWriterMetrics metrics)
    {
        this.dbFactory = dbFactory;
        this.options = options;
        this.metrics = metrics;
        // A thread of its own: the writer is the one path every write takes, so it must not queue behind request
        // work for a thread-pool thread each time a write arrives.
        loop = new Thread(Run) { IsBackground = true, Name = ThreadName };
        loop.Start();
    }

    /// <summary>True when the database is an SQLite file, so the hot writes go through <see cref="WriteAsync{T}"/>.</summary>
    public bool IsUsed => used ??= options.Value.Provider == DatabaseProvider.Sqlite && IsFile(ConnectionString());

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction on the writer's connection, with whatever other writes
    /// are waiting, and completes with its result once that transaction is committed. When the transaction fails,
    /// its writes are run again one transaction each, so a bad write (a duplicate key) fails alone; it fails with a
    /// <see cref="DbUpdateException"/>, as EF Core reports a failed save. A database that takes no writes at all (see
    /// <see cref="DatabaseUnavailable"/>; its file deleted or moved, <see cref="SqliteFileCheck"/>) fails them all at
    /// once with SQLite's error. <paramref name="work"/> may run twice, so it must only write, from values it does not
    /// change.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteWriteBatch, T> work)
    {
        var pending = new PendingWrite<T>(work);
        if (!channel.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter));
        }
        return pending.Task;
    }

    internal SqliteRowInsert InsertOf(Type entityClrType)
    {
        if (!inserts.TryGetValue(entityClrType, out var insert))
        {
            insert = new SqliteRowInsert(connection!, EntityTypeOf(entityClrType));
            inserts[entityClrType] = insert;
        }
        return insert;
    }

    internal SqliteRowRead ReadOf(Type entityClrType)
    {
        if (!reads.TryGetValue(entityClrType, out var read))
        {
            read = new SqliteRowRead(connection!, EntityTypeOf(entityClrType));
            reads[entityClrType] = read;
        }
        return read;
    }

    private IEntityType EntityTypeOf(Type entityClrType) =>
        model!.FindEntityType(entityClrType) ?? throw new InvalidOperationException($"{entityClrType.Name} is not in the model.");

    internal SqliteStatement StatementOf(string sql, Func<IModel, IReadOnlyList<IProperty>> parameters)
    {
        if (!statements.TryGetValue(sql, out var statement))
        {
            statement = new SqliteStatement(connection!, sql, parameters(model!));
            statements[sql] = statement;
        }
        return statement;
    }

    private void Run()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (channel.Reader.TryPeek(out _) || channel.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && channel.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            CommitBatch(batch);
        }
    }

    private void CommitBatch(List<PendingWrite> batch)
    {
        SqliteConnection open;
        try
        {
            open = Open();
        }
        catch (Exception ex)
        {
            batch.ForEach(p => Fail(p, ex));
            return;
        }
        var gate = SqliteWriteGate.Instance.GateOf(open);
        var entered = gate is not null && gate.Wait(SqliteWriteGate.MaxWait);
        try
        {
            try
            {
                Commit(open, batch);
                batch.ForEach(Complete);
                return;
            }
            catch (Exception ex) when (batch.Count == 1 || DatabaseUnavailable.IsCause(ex))
            {
                // One write, or a database that takes none (the file gone, the disk full): each fails as the batch did.
                batch.ForEach(p => Fail(p, Failure(ex)));
                return;
            }
            catch (Exception)
            {
                // Some write spoilt the transaction; each is tried on its own below.
            }
            foreach (var pending in batch)
            {
                try
                {
                    Commit(open, [pending]);
                    Complete(pending);
                }
                catch (Exception ex)
                {
                    Fail(pending, Failure(ex));
                }
            }
        }
        finally
        {
            if (entered)
            {
                gate!.Release();
            }
        }
    }

    private void Commit(SqliteConnection open, List<PendingWrite> batch)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var transaction = open.BeginTransaction();
            var rows = new SqliteWriteBatch(this);
            foreach (var pending in batch)
            {
                pending.Run(rows);
            }
            // A file deleted or moved meanwhile takes the writes and loses them when the process ends: they are rolled
            // back before the commit, and refused after it if it went during the commit (a retry may repeat them).
            SqliteFileCheck.ThrowIfMoved(open);
            transaction.Commit();
            SqliteFileCheck.ThrowIfMoved(open);
        }
        finally
        {
            metrics.TransactionEnded(batch.Count, started);
        }
    }

    private void Complete(PendingWrite pending)
    {
        metrics.Answered(pending);
        pending.Complete();
    }

    private void Fail(PendingWrite pending, Exception error)
    {
        metrics.Answered(pending);
        pending.Fail(error);
    }

    private static Exception Failure(Exception ex) =>
        ex is SqliteException && !DatabaseUnavailable.IsCause(ex)
            ? new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", ex)
            : ex;

    private SqliteConnection Open()
    {
        if (connection is { State: System.Data.ConnectionState.Open })
        {
            return connection;
        }
        using var db = dbFactory.CreateDbContext();
        model = db.Model;
        connection = new SqliteConnection(db.Database.GetConnectionString());
        connection.Open();
        SqlitePragmaInterceptor.Apply(connection);
        // As on every connection EF Core opens: the writer's rows are held to the same foreign keys.
        using var foreignKeys = connection.CreateCommand();
        foreignKeys.CommandText = "PRAGMA foreign_keys=ON;";
        foreignKeys.ExecuteNonQuery();
        return connection;
    }

    /// <summary>The app's SQLite connection string.</summary>
    public string ConnectionString()
    {
        using var db = dbFactory.CreateDbContext();
        return db.Database.GetConnectionString() ?? "";
    }

    private static bool IsFile(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        return !string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory;
    }

    /// <summary>Lets the writes already submitted commit, then closes the connection.</summary>
    public void Dispose()
    {
        channel.Writer.TryComplete();
        loop.Join(TimeSpan.FromSeconds(10));
        foreach (var insert in inserts.Values)
        {
            insert.Dispose();
        }
        foreach (var read in reads.Values)
        {
            read.Dispose();
        }
        foreach (var statement in statements.Values)
        {
            statement.Dispose();
        }
        connection?.Dispose();
    }
}
