using Microsoft.Data.Sqlite;

namespace WebhookConsole.Data;

/// <summary>
/// Moves the SQLite write-ahead log into the database file a few times a second, on a connection of its own. Left
/// to SQLite, the writer whose commit crosses the log's threshold does it, syncing both files to disk while every
/// other write waits behind it; here it runs beside the writers (a passive checkpoint never blocks them), and a
/// page changed many times meanwhile is copied once.
/// </summary>
internal sealed class SqliteCheckpointer(SqliteWriter writer, TimeProvider time, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

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

    private void Checkpoint(SqliteConnection connection)
    {
        try
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                connection.Open();
                SqlitePragmaInterceptor.Apply(connection);
            }
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
        }
        catch (SqliteException ex)
        {
            // The next tick tries again; meanwhile a committing writer checkpoints if the log grows too long.
            logger.LogWarning(ex, "SQLite checkpoint failed");
        }
    }
}
