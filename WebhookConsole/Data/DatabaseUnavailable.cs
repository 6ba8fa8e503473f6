using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace WebhookConsole.Data;

/// <summary>
/// Tells a database that cannot be reached or used right now (PostgreSQL down or restarting, the SQLite file gone or
/// locked) from a fault of the app, so requests meanwhile answer 503, not 500.
/// </summary>
internal static class DatabaseUnavailable
{
    // SQLITE_BUSY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN: the file, its disk or another writer, not the query.
    private static readonly int[] SqliteUnavailableCodes = [5, 10, 13, 14];

    public static bool IsCause(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var unavailable = e switch
            {
                SqliteException sqlite => SqliteUnavailableCodes.Contains(sqlite.SqliteErrorCode),
                // Connection exceptions (08) and operator intervention (57P: the server shutting down or starting up).
                PostgresException postgres => postgres.IsTransient || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal),
                DbException db => db.IsTransient,
                _ => false,
            };
            if (unavailable)
            {
                return true;
            }
        }
        return false;
    }
}
