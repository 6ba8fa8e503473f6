using Hangfire.AspNetCore;
using Hangfire.Logging;
using WebhookConsole.Data;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Hangfire's logging into the app's, as Hangfire.AspNetCore sets it up, except for a job storage that cannot reach
/// the database: each of Hangfire's loops (workers, schedulers, heartbeat) would log that at Error with its stack
/// trace, then again every minute; it goes to the <see cref="DatabaseOutageLog"/> instead, with every other failure.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggerFactory, DatabaseOutageLog outage) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggerFactory);

    public ILog GetLogger(string name) => new OutageAwareLog(inner.GetLogger(name), outage);

    private sealed class OutageAwareLog(ILog inner, DatabaseOutageLog outage) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            // Called without a message, it only asks whether the level is on.
            if (messageFunc is not null && exception is not null && logLevel >= Hangfire.Logging.LogLevel.Warn
                && outage.ReportIfUnavailable("background jobs", exception))
            {
                return true;
            }
            return inner.Log(logLevel, messageFunc, exception);
        }
    }
}
