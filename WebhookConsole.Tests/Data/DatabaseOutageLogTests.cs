using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using WebhookConsole.Data;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Data;

public sealed class DatabaseOutageLogTests : IDisposable
{
    private const string Password = "s3cret-Passw0rd";
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingLoggerProvider logger = new();
    private readonly ILoggerFactory loggerFactory;
    private readonly DatabaseOutageLog outage;

    public DatabaseOutageLogTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Host=db;Username=app;Password={Password}" })
            .Build();
        loggerFactory = LoggerFactory.Create(b => b.AddProvider(logger));
        outage = new DatabaseOutageLog(time, configuration, loggerFactory.CreateLogger<DatabaseOutageLog>());
    }

    public void Dispose() => loggerFactory.Dispose();

    [Fact]
    public void Failed_LogsTheFirstFailureAndThenOncePerIntervalWithTheCount_WhenFailuresRepeat()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111));

        outage.Failed("readiness check", refused);
        for (var i = 0; i < 99; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            outage.Failed("API request", refused);
        }
        time.Advance(DatabaseOutageLog.Interval);
        outage.Failed("recovery sweep", refused);

        Assert.Collection(logger.Entries,
            first =>
            {
                Assert.Equal(LogLevel.Warning, first.Level);
                Assert.Null(first.Exception);
                Assert.Equal("The database is unavailable (readiness check): NpgsqlException: Failed to connect to 127.0.0.1:5432 (SocketException: Connection refused)",
                    first.Message);
            },
            later =>
            {
                Assert.Equal(LogLevel.Warning, later.Level);
                Assert.Null(later.Exception);
                Assert.EndsWith("; 99 more failures since the last report were not logged", later.Message, StringComparison.Ordinal);
                Assert.StartsWith("The database is unavailable (recovery sweep): NpgsqlException", later.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void Answered_LogsTheOutageEndOnce_AndTheNextFailureIsLoggedAtOnce()
    {
        var busy = new SqliteException("SQLite Error 14: 'unable to open database file'.", 14);
        outage.Failed("readiness check", busy);
        time.Advance(TimeSpan.FromSeconds(5));
        outage.Failed("readiness check", busy);

        outage.Answered();
        outage.Answered();
        outage.Failed("API request", busy);

        Assert.Collection(logger.Entries,
            e => Assert.StartsWith("The database is unavailable (readiness check): SqliteException: SQLite Error 14", e.Message, StringComparison.Ordinal),
            e => Assert.Equal((LogLevel.Information, "The database answers again, after 5 s and 2 failures"), (e.Level, e.Message)),
            e => Assert.StartsWith("The database is unavailable (API request)", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Failed_MasksTheConnectionStringsPassword_WhenAMessageCarriesIt()
    {
        outage.Failed("readiness check", new NpgsqlException($"could not log in with password {Password}"));

        var entry = Assert.Single(logger.Entries);
        Assert.DoesNotContain(Password, entry.Message, StringComparison.Ordinal);
        Assert.Contains("password ***", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportIfUnavailable_LeavesOtherFaultsToTheirOwnLog_WhenTheDatabaseIsNotTheCause()
    {
        Assert.False(outage.ReportIfUnavailable("API request", new InvalidOperationException("a fault of the app")));
        Assert.False(outage.ReportIfUnavailable("API request", new SqliteException("SQLite Error 19: 'UNIQUE constraint failed'.", 19)));
        Assert.True(outage.ReportIfUnavailable("API request", SqliteFileCheck.Moved("app.db")));

        Assert.Single(logger.Entries);
    }
}
