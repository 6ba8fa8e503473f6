using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace WebhookConsole.Data;

/// <summary>
/// Moves the SQLite write-ahead log into the database file ten times a second, on a connection of its own. Left
/// to SQLite, the writer whose commit crosses the log's threshold does it, syncing both files to disk while every
/// other write waits behind it; here it runs beside the writers (a passive checkpoint never blocks them), and a
/// page changed many times meanwhile is copied once.
/// <para>
/// The log starts over only once all of it has been copied, and under a steady load writes are committed while each
/// checkpoint runs, so it would never be: it would grow to SQLite's threshold after all, and the committing writer
/// would checkpoint it, syncing everything written since the last sync. So when a checkpoint finds a long log, further
/// passes copy what came in meanwhile, still without holding anyone back and each shorter than the one before, and a
/// last one copies the rest with the writers held back: it syncs only what came in during the pass before it, a
/// short pause (the writers' metrics record each: <see cref="SqliteWriterMetrics.CatchUpDuration"/>), and the log
/// starts over at the next write.
/// </para>
/// <para>
/// Ticks come every 100 ms: under the heaviest sustained load measured here the writer logs ~50,000 pages a second,
/// so a tick finds ~5,000, and even the log of a tick that does not catch up stays well below the
/// <c>wal_autocheckpoint</c> (65,536, <see cref="SqlitePragmaInterceptor"/>) at which the writer would take over.
/// </para>
/// </summary>
internal sealed class SqliteCheckpointer(
    SqliteWriter writer,
    SqliteWriterMetrics metrics,
    TimeProvider time,
    DatabaseOutageLog outage,
    ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A log this long (pages, 16 MiB) when a checkpoint starts is finished with the writers held back; a shorter one
    /// is left to the next tick, which at a low load often finds the writer idle and copies the whole log unaided.
    /// </summary>
    public const int CatchUpPages = 4096;

    /// <summary>The most passes a catch-up makes before the one that holds the writers back (see <see cref="NeedsCatchUp"/>).</summary>
    private const int UnheldPasses = 3;

    /// <summary>Written while a pass ran, this little (pages, 2 MiB) is left to the pass that holds the writers back.</summary>
    private const int HeldPages = 512;

    /// <summary>How long the catch-up waits for the write in progress; past it, the next tick tries again.</summary>
    private static readonly TimeSpan GateWait = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!writer.IsUsed)
        {
            return;
        }
        using var connection = new SqliteConnection(writer.ConnectionString());
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Checkpoint(connection);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One tick's work, on the checkpointer's own connection (opened here the first time).</summary>
    internal void Checkpoint(SqliteConnection connection)
    {
        try
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                connection.Open();
                SqlitePragmaInterceptor.Apply(connection);
            }
            if (!NeedsCatchUp(connection))
            {
                return;
            }
            if (SqliteWriteGate.Instance.GateOf(connection) is { } gate && gate.Wait(GateWait))
            {
                var held = Stopwatch.GetTimestamp();
                try
                {
                    Passive(connection);
                }
                finally
                {
                    gate.Release();
                    metrics.CatchUpEnded(held);
                }
            }
        }
        catch (SqliteException ex)
        {
            // The next tick tries again; meanwhile a committing writer checkpoints if the log grows too long. A file
            // that cannot be opened fails every tick, ten times a second: that is the outage's line, not one each.
            if (!outage.ReportIfUnavailable("checkpoint", ex))
            {
                logger.LogWarning(ex, "SQLite checkpoint failed");
            }
        }
    }

    /// <summary>
    /// Copies what it can of the log without holding anyone back; true when the log is long and pages were written
    /// to it meanwhile, which only a pass holding the writers back can copy before more come. Under load that is
    /// every time, so more passes come first, still unheld: each copies and syncs only what was written while the one
    /// before it ran, so it is shorter than that one, and the held pass has little left to do.
    /// </summary>
    private static bool NeedsCatchUp(SqliteConnection connection)
    {
        var (log, _) = Passive(connection);
        if (log < CatchUpPages)
        {
            return false;
        }
        for (var pass = 0; pass < UnheldPasses; pass++)
        {
            var (next, copied) = Passive(connection);
            if (next < log)
            {
                // The log started over meanwhile, or another checkpoint is running: nothing to catch up.
                return false;
            }
            var written = next - log;
            log = next;
            if (written == 0 && copied == log)
            {
                // Nothing came in meanwhile and all of it is copied: the next write starts the log over.
                return false;
            }
            if (written <= HeldPages)
            {
                break;
            }
        }
        return true;
    }

    /// <summary>
    /// Copies what it can of the log without waiting for anyone; returns the pages the log had as it began and how
    /// many of them are in the database file now. The log is -1 pages when another checkpoint was running (the
    /// writer's own) or the file is not in WAL mode, so nothing is caught up then.
    /// </summary>
    private static (long Log, long Copied) Passive(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();
        // One row: busy, pages in the log, pages copied.
        return reader.Read() ? (reader.GetInt64(1), reader.GetInt64(2)) : (-1, -1);
    }
}
