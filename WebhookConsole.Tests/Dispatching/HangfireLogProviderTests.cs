using Hangfire.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using WebhookConsole.Data;
using WebhookConsole.Dispatching;
using WebhookConsole.Tests.Support;
using HangfireLevel = Hangfire.Logging.LogLevel;

namespace WebhookConsole.Tests.Dispatching;

public sealed class HangfireLogProviderTests : IDisposable
{
    private readonly RecordingLoggerProvider outageLogs = new();
    private readonly RecordingLoggerProvider hangfireLogs = new();
    private readonly ILoggerFactory outageLoggers;
    private readonly ILoggerFactory hangfireLoggers;
    private readonly ILog log;

    public HangfireLogProviderTests()
    {
        outageLoggers = LoggerFactory.Create(b => b.AddProvider(outageLogs));
        hangfireLoggers = LoggerFactory.Create(b => b.AddProvider(hangfireLogs).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace));
        var outage = new DatabaseOutageLog(new FakeTimeProvider(), new ConfigurationBuilder().Build(), outageLoggers.CreateLogger<DatabaseOutageLog>());
        log = new HangfireLogProvider(hangfireLoggers, outage).GetLogger("Hangfire.Processing.BackgroundExecution");
    }

    public void Dispose()
    {
        outageLoggers.Dispose();
        hangfireLoggers.Dispose();
    }

    [Fact]
    public void Log_ReportsTheOutageInsteadOfTheStackTrace_WhenTheJobStorageCannotReachTheDatabase()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111));

        Assert.True(log.Log(HangfireLevel.Error, () => "Execution Worker is in the Failed state now due to an exception", refused));

        Assert.Empty(hangfireLogs.Entries);
        var entry = Assert.Single(outageLogs.Entries);
        Assert.StartsWith("The database is unavailable (background jobs): NpgsqlException", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_PassesOnEverythingElse_WithItsException()
    {
        var fault = new InvalidOperationException("a fault of a job");

        log.Log(HangfireLevel.Error, () => "Job failed", fault);
        log.Log(HangfireLevel.Debug, () => "is in the Faulted state", new SqliteException("SQLite Error 14", 14));
        log.Log(HangfireLevel.Info, () => "Server started");

        Assert.Empty(outageLogs.Entries);
        Assert.Equal(["Job failed", "is in the Faulted state", "Server started"], hangfireLogs.Entries.Select(e => e.Message));
        Assert.Same(fault, hangfireLogs.Entries[0].Exception);
    }
}
