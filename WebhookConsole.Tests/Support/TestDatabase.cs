using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;

namespace WebhookConsole.Tests.Support;

/// <summary>Where one test app keeps its data: a fresh SQLite file, or a fresh database on the test PostgreSQL cluster.</summary>
public sealed class TestDatabase(string provider, string connectionString, Action drop) : IDisposable
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public string Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;

    /// <summary>The settings that point the app at this database.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Database:Provider"] = Provider,
        ["ConnectionStrings:Default"] = ConnectionString,
    };

    public static TestDatabase CreateSqlite()
    {
        var directory = TempDirectory.Create("app");
        return new TestDatabase(Sqlite, $"Data Source={Path.Combine(directory, "webhookconsole.db")}", () => TempDirectory.TryDelete(directory));
    }

    /// <summary>A context on this database from outside the app, for arranging and inspecting data.</summary>
    internal AppDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (Provider == Postgres)
        {
            options.UseNpgsql(ConnectionString);
        }
        else
        {
            options.UseSqlite(ConnectionString);
        }
        return new AppDbContext(options.Options);
    }

    /// <summary>Runs one statement on this database from outside the app; it must change exactly one row.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var db = CreateContext();
        var changed = await db.Database.ExecuteSqlRawAsync(sql);
        if (changed != 1)
        {
            throw new InvalidOperationException($"'{sql}' changed {changed} rows, not 1.");
        }
    }

    public void Dispose() => drop();
}
