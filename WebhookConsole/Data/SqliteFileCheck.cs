using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace WebhookConsole.Data;

/// <summary>
/// Whether the database file an SQLite connection has open is still the file at its path. Deleted, moved or replaced
/// while the app runs (its folder removed, a backup copied over it), the open file lives on unnamed: SQLite reads and
/// writes it as before, in WAL mode without a word, and all of it is gone when the process ends. A write committed
/// there would be answered as saved and then lost, so writers check before they commit and after.
/// </summary>
internal static class SqliteFileCheck
{
    /// <summary>SQLITE_READONLY_DBMOVED: SQLite's own code for a write refused because the file has moved.</summary>
    public const int MovedErrorCode = 8 | (4 << 8);

    private const int ReadOnlyErrorCode = 8;

    /// <summary>SQLITE_FCNTL_HAS_MOVED: the file at the path is gone or is another file (its inode differs).</summary>
    private const int HasMovedControl = 20;

    private static bool nativeMissing;

    /// <summary>
    /// True when the connection's main database file is no longer the file at its path. One stat of the path inside
    /// SQLite, about a microsecond. False for an in-memory database or when the connection is not open.
    /// </summary>
    public static bool HasMoved(SqliteConnection connection)
    {
        if (connection.Handle is not { IsInvalid: false } handle)
        {
            return false;
        }
        if (!nativeMissing)
        {
            try
            {
                var moved = 0;
                // A null schema name is the main database. SQLITE_NOTFOUND (an in-memory database) leaves moved at 0.
                FileControl(handle, IntPtr.Zero, HasMovedControl, ref moved);
                return moved != 0;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // An SQLite build of another name: the path's existence is the next best sign.
                nativeMissing = true;
            }
        }
        return connection.DataSource is { Length: > 0 } file && file != ":memory:" && !File.Exists(file);
    }

    /// <summary>Throws <see cref="Moved"/> when <see cref="HasMoved"/>.</summary>
    public static void ThrowIfMoved(SqliteConnection connection)
    {
        if (HasMoved(connection))
        {
            throw Moved(connection.DataSource);
        }
    }

    /// <summary>The error a write gets once the file has moved: the database is unavailable (503) until it is back.</summary>
    public static SqliteException Moved(string file) =>
        new($"The database file {file} was deleted, moved or replaced while the app ran; nothing more is written to it. "
            + "Put the file back, or restore it and restart the app.", ReadOnlyErrorCode, MovedErrorCode);

    // The library Microsoft.Data.Sqlite loads (SQLitePCLRaw's bundle); its managed binding has no file control call.
    [DllImport("e_sqlite3", EntryPoint = "sqlite3_file_control")]
    private static extern int FileControl(sqlite3 db, IntPtr schema, int operation, ref int argument);
}
