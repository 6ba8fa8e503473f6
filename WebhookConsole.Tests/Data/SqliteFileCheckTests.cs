using Microsoft.Data.Sqlite;
using WebhookConsole.Data;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Data;

/// <summary>The check on a real SQLite file in WAL mode, as the app opens it, against what an operator may do to the file.</summary>
public sealed class SqliteFileCheckTests : IDisposable
{
    private readonly string directory = TempDirectory.Create("file-check");
    private readonly string file;
    private readonly SqliteConnection connection;

    public SqliteFileCheckTests()
    {
        file = Path.Combine(directory, "app.db");
        connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (x INTEGER);";
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        connection.Dispose();
        TempDirectory.TryDelete(directory);
    }

    [Fact]
    public void HasMoved_IsFalse_WhileTheFileIsWhereItWasOpened() => Assert.False(SqliteFileCheck.HasMoved(connection));

    [Fact]
    public void HasMoved_IsTrue_WhenTheFileIsDeleted()
    {
        File.Delete(file);

        Assert.True(SqliteFileCheck.HasMoved(connection));
    }

    [Fact]
    public void HasMoved_IsTrueUntilItIsPutBack_WhenTheFileIsRenamed()
    {
        File.Move(file, file + ".old");
        Assert.True(SqliteFileCheck.HasMoved(connection));

        File.Move(file + ".old", file);
        Assert.False(SqliteFileCheck.HasMoved(connection));
    }

    [Fact]
    public void HasMoved_IsTrue_WhenAnotherFileTakesItsPlace()
    {
        File.Copy(file, file + ".copy");
        File.Delete(file);
        File.Move(file + ".copy", file);

        Assert.True(SqliteFileCheck.HasMoved(connection));
    }

    [Fact]
    public void HasMoved_IsFalse_ForAnInMemoryDatabase()
    {
        using var memory = new SqliteConnection("Data Source=:memory:");
        memory.Open();

        Assert.False(SqliteFileCheck.HasMoved(memory));
    }

    [Fact]
    public void ThrowIfMoved_ThrowsAnErrorThatSaysTheDatabaseIsUnavailable_WhenTheFolderIsRemoved()
    {
        Directory.Delete(directory, recursive: true);

        var error = Assert.Throws<SqliteException>(() => SqliteFileCheck.ThrowIfMoved(connection));
        Assert.True(DatabaseUnavailable.IsCause(error));
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }
}
