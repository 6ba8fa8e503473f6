using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace WebhookConsole.Data;

/// <summary>
/// Per-connection SQLite settings: writers wait for each other instead of failing with SQLITE_BUSY,
/// WAL with synchronous=NORMAL keeps every commit across a process crash, pages are read through a memory map,
/// and checkpoints are left to the <see cref="SqliteCheckpointer"/>. The settings belong to the native connection
/// and survive pooling, so each is applied once per native connection, not on every pooled open (every
/// short-lived context opens one).
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    // mmap_size: pages are read from a shared mapping of the file instead of copied in by read() each time a
    // connection's private page cache was invalidated by another connection's write, which under load is most reads.
    // wal_autocheckpoint: checkpoints are the SqliteCheckpointer's, off the writers' path; a committing writer runs
    // one itself only if the log has grown past 256 MiB all the same (the checkpointer a second or more behind), which
    // syncs all of it while every write waits, and journal_size_limit trims the file back to 64 MiB at the next start.
    private const string Pragmas = "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=268435456; "
        + "PRAGMA wal_autocheckpoint=65536; PRAGMA journal_size_limit=67108864;";

    private static readonly ConditionalWeakTable<sqlite3, object> Configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection))
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Applies the settings once per native connection; also for connections opened outside EF Core.</summary>
    public static void Apply(DbConnection connection)
    {
        if (!FirstOpen(connection))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    private static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, true);
}
