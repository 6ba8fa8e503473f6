using System.Data.Common;

namespace WebhookConsole.Data;

/// <summary>
/// Reports a database that cannot be used the way an operator wants to read it: one warning line naming the cause,
/// without a stack trace (the fault is outside the app), and while the outage lasts at most one line per
/// <see cref="Interval"/> with the number of failures since, whether they come from a load balancer's probes, requests
/// or background work. The readiness check tells it when the database answers again.
/// </summary>
internal sealed class DatabaseOutageLog(TimeProvider time, IConfiguration configuration, ILogger<DatabaseOutageLog> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private static readonly EventId Unavailable = new(1, "DatabaseUnavailable");
    private static readonly EventId Available = new(2, "DatabaseAvailable");

    private readonly Lock gate = new();
    private readonly Lazy<string?> password = new(() => PasswordOf(configuration));
    private DateTimeOffset? since;
    private DateTimeOffset lastLogged;
    private int unlogged;
    private int failures;

    /// <summary>Reports <paramref name="exception"/> when it says the database is unavailable; true if it did.</summary>
    public bool ReportIfUnavailable(string where, Exception exception)
    {
        if (!DatabaseUnavailable.IsCause(exception))
        {
            return false;
        }
        Failed(where, exception);
        return true;
    }

    /// <summary>A failure to use the database, from <paramref name="where"/> (a probe, a request, a background job).</summary>
    public void Failed(string where, Exception exception) => Failed(where, DatabaseUnavailable.Describe(exception));

    /// <inheritdoc cref="Failed(string, Exception)"/>
    public void Failed(string where, string cause)
    {
        cause = WithoutPassword(cause);
        var now = time.GetUtcNow();
        bool first;
        int skipped;
        lock (gate)
        {
            failures++;
            first = since is null;
            if (!first && now - lastLogged < Interval)
            {
                unlogged++;
                return;
            }
            since ??= now;
            skipped = unlogged;
            unlogged = 0;
            lastLogged = now;
        }
        if (first)
        {
            logger.LogWarning(Unavailable, "The database is unavailable ({Where}): {Cause}", where, cause);
        }
        else
        {
            logger.LogWarning(Unavailable, "The database is unavailable ({Where}): {Cause}; {Skipped} more failures since the last report were not logged",
                where, cause, skipped);
        }
    }

    /// <summary>The database answered: ends an outage reported meanwhile, with a line saying how long it lasted.</summary>
    public void Answered()
    {
        var now = time.GetUtcNow();
        DateTimeOffset began;
        int failed;
        lock (gate)
        {
            if (since is not { } start)
            {
                return;
            }
            began = start;
            failed = failures;
            since = null;
            unlogged = 0;
            failures = 0;
        }
        logger.LogInformation(Available, "The database answers again, after {Seconds:0} s and {Failures} failures", (now - began).TotalSeconds, failed);
    }

    /// <summary><see cref="DatabaseUnavailable.Describe"/>, for a log line of its own: one line, no password.</summary>
    public string Describe(Exception exception) => WithoutPassword(DatabaseUnavailable.Describe(exception));

    /// <summary>Drivers keep passwords out of their messages; this makes sure, whatever the driver.</summary>
    private string WithoutPassword(string text) =>
        password.Value is { Length: > 0 } secret ? text.Replace(secret, "***", StringComparison.Ordinal) : text;

    private static string? PasswordOf(IConfiguration configuration)
    {
        try
        {
            var settings = new DbConnectionStringBuilder { ConnectionString = configuration.GetConnectionString("Default") ?? "" };
            return settings.TryGetValue("Password", out var value) || settings.TryGetValue("Pwd", out value) ? value?.ToString() : null;
        }
        catch (ArgumentException)
        {
            // Not a connection string at all: the start refuses it (DatabaseSettingsValidator).
            return null;
        }
    }
}
