using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Hosting;

/// <summary>
/// A start the operator's settings or surroundings make impossible ends with exit code 1 and one log line that names
/// the cause and what is allowed: no stack trace, no crash on an unhandled exception.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class StartupFailureTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("Dispatcher:WorkerCount", "0", "Dispatcher:WorkerCount is '0'; allowed: 1 to 200.")]
    [InlineData("Dispatcher:QueueCapacity", "-1", "Dispatcher:QueueCapacity is '-1'; allowed: 10 to 1000000.")]
    [InlineData("Dispatcher:WorkerCount", "twenty", "Dispatcher:WorkerCount is 'twenty'; allowed: a whole number")]
    [InlineData("Dispatcher:RetryDelays:0", "-5", "Dispatcher:RetryDelays cannot be negative.")]
    [InlineData("Retention:Days", "0", "Retention:Days is '0'; allowed: 1 to 3650.")]
    [InlineData("Database:Provider", "MySql", "Database:Provider is 'MySql'; allowed: Sqlite, Postgres.")]
    [InlineData("ConnectionStrings:Default", "Data Sourc=app.db", "ConnectionStrings:Default is not a connection string for Database:Provider Sqlite")]
    public async Task App_ExitsWithOneLineNamingTheSetting_WhenASettingIsRefused(string key, string value, string expected)
    {
        var directory = TempDirectory.Create("refused");
        try
        {
            var settings = SqliteIn(directory);
            settings[key] = value;

            var exit = await AppProcess.RunUntilExitAsync(settings, ExitTimeout);

            AssertOneLineFailure(exit, expected);
        }
        finally
        {
            TempDirectory.TryDelete(directory);
        }
    }

    [Theory]
    [InlineData(" token-with-a-leading-space", "Bootstrap:ApiToken has a control or non-ASCII character, or a space at either end")]
    [InlineData("token-with-a-trailing-space ", "Bootstrap:ApiToken has a control or non-ASCII character, or a space at either end")]
    [InlineData("token-with-é", "Bootstrap:ApiToken has a control or non-ASCII character, or a space at either end")]
    public async Task App_ExitsWithOneLineNamingTheSetting_WhenTheBootstrapTokenIsRefused(string token, string expected)
    {
        var directory = TempDirectory.Create("token");
        try
        {
            var settings = SqliteIn(directory);
            settings["Bootstrap:ApiToken"] = token;

            var exit = await AppProcess.RunUntilExitAsync(settings, ExitTimeout);

            AssertOneLineFailure(exit, expected);
            Assert.DoesNotContain(token.Trim(), exit.Text, StringComparison.Ordinal);
        }
        finally
        {
            TempDirectory.TryDelete(directory);
        }
    }

    [Theory]
    [InlineData("Bootstrap:AdminEmail", "admin@example.com")]
    [InlineData("Bootstrap:AdminPassword", "Only-the-password-1")]
    public async Task App_ExitsWithOneLine_WhenOnlyHalfTheBootstrapAdminIsGiven(string key, string value)
    {
        var directory = TempDirectory.Create("admin");
        try
        {
            var settings = SqliteIn(directory);
            settings[key] = value;

            var exit = await AppProcess.RunUntilExitAsync(settings, ExitTimeout);

            AssertOneLineFailure(exit, "Bootstrap:AdminEmail and Bootstrap:AdminPassword go together");
            Assert.DoesNotContain("Only-the-password-1", exit.Text, StringComparison.Ordinal);
        }
        finally
        {
            TempDirectory.TryDelete(directory);
        }
    }

    [Fact]
    public async Task App_ExitsWithOneLineNamingTheRules_WhenTheBootstrapAdminsPasswordIsTooWeak()
    {
        var directory = TempDirectory.Create("weak");
        try
        {
            var settings = SqliteIn(directory);
            settings["Bootstrap:AdminEmail"] = "admin@example.com";
            settings["Bootstrap:AdminPassword"] = "weakpw";

            var exit = await AppProcess.RunUntilExitAsync(settings, ExitTimeout);

            AssertOneLineFailure(exit, "the admin 'admin@example.com' could not be created: Passwords must be at least 8 characters.");
            Assert.DoesNotContain("weakpw", exit.Text, StringComparison.Ordinal);
        }
        finally
        {
            TempDirectory.TryDelete(directory);
        }
    }

    [Fact]
    public async Task App_ExitsWithOneLineNamingTheDatabase_WhenThePostgresServerIsDown()
    {
        // A loopback port nothing listens on: the server refuses the connection at once.
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Default"] = $"Host=127.0.0.1;Port={AppProcess.FreePort()};Database=app;Username=app;Password=do-not-log-me;Timeout=5",
        };

        var exit = await AppProcess.RunUntilExitAsync(settings, ExitTimeout);

        AssertOneLineFailure(exit, "The database cannot be used (Database:Provider Postgres, ConnectionStrings:Default): Failed to connect to 127.0.0.1:");
        Assert.DoesNotContain("do-not-log-me", exit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_ExitsWithOneLineNamingTheAddress_WhenItsPortIsInUse()
    {
        var directory = TempDirectory.Create("port");
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

            var exit = await AppProcess.RunUntilExitAsync(SqliteIn(directory), ExitTimeout, url);

            AssertOneLineFailure(exit, $"Failed to bind to address {url}: address already in use.");
        }
        finally
        {
            taken.Stop();
            TempDirectory.TryDelete(directory);
        }
    }

    private static Dictionary<string, string> SqliteIn(string directory) =>
        new() { ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(directory, "app.db")}" };

    internal static void AssertOneLineFailure(AppExit exit, string expected)
    {
        Assert.True(exit.ExitCode == 1, $"exit code {exit.ExitCode}:\n{exit.Text}");
        // The console logger writes an entry as its level and category on one line, its message indented below.
        var entry = Assert.Single(exit.Output, line => ErrorHeader().IsMatch(line));
        Assert.StartsWith("crit: ", entry, StringComparison.Ordinal);
        var message = exit.Output.SkipWhile(line => line != entry).Skip(1).TakeWhile(line => !EntryHeader().IsMatch(line)).ToList();
        var line = Assert.Single(message);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain(exit.Output, l => StackFrame().IsMatch(l));
    }

    [GeneratedRegex(@"^(trce|dbug|info|warn|fail|crit): ")]
    private static partial Regex EntryHeader();

    [GeneratedRegex(@"^(fail|crit): ")]
    private static partial Regex ErrorHeader();

    [GeneratedRegex(@"^\s+at \S")]
    private static partial Regex StackFrame();
}
