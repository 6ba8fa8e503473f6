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

    public static bool IsCause(Exception exception) => CauseOf(exception) is not null;

    /// <summary>The exception in <paramref name="exception"/>'s chain that says the database is unavailable, or null.</summary>
    public static Exception? CauseOf(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var unavailable = e switch
            {
                SqliteException sqlite => SqliteUnavailableCodes.Contains(sqlite.SqliteErrorCode)
                    || sqlite.SqliteExtendedErrorCode == SqliteFileCheck.MovedErrorCode,
                // Connection exceptions (08) and operator intervention (57P: the server shutting down or starting up).
                PostgresException postgres => postgres.IsTransient || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal),
                DbException db => db.IsTransient,
                _ => false,
            };
            if (unavailable)
            {
                return e;
            }
        }
        return null;
    }

    /// <summary>
    /// One line for the log: the cause's type and message, and the innermost exception's (a socket's "Connection
    /// refused") when there is one. No stack trace: the cause is outside the app, where a trace does not lead.
    /// </summary>
    public static string Describe(Exception exception)
    {
        var cause = CauseOf(exception) ?? exception;
        var innermost = cause.GetBaseException();
        var text = innermost == cause ? $"{cause.GetType().Name}: {cause.Message}" : $"{cause.GetType().Name}: {cause.Message} ({innermost.GetType().Name}: {innermost.Message})";
        return text.ReplaceLineEndings(" ");
    }
}
