using Microsoft.Extensions.Options;

namespace WebhookConsole.Hosting;

internal static class StartupFailureExtensions
{
    /// <summary>The host's own category: it reports a failed start at Error, as the exception with its stack trace.</summary>
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private const string LoggerCategory = "WebhookConsole.Startup";

    /// <summary>
    /// Leaves the report of a failed start to <see cref="RunReportingStartupFailureAsync"/>: until the host has started,
    /// its Error entries are not written. A background service failing meanwhile is still reported at Critical, with
    /// its exception, when it stops the host.
    /// </summary>
    public static WebApplicationBuilder AddStartupFailureReport(this WebApplicationBuilder builder)
    {
        var state = new StartupState();
        builder.Services.AddSingleton(state);
        // This rule replaces the configured level for the host's category, so it keeps the default's Information floor.
        builder.Logging.AddFilter(HostCategory, level => level >= LogLevel.Information && (state.Started || level != LogLevel.Error));
        return builder;
    }

    /// <summary>
    /// Checks every setting validated at start, before the app is wired further (mapping the Hangfire dashboard reads
    /// the database settings already). When one is refused, writes why in one line, disposes the app (flushing the
    /// log) and answers true: the caller ends with exit code 1.
    /// </summary>
    public static async Task<bool> RefusesItsSettingsAsync(this WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return false;
        }
        catch (Exception ex) when (StartupFailure.Describe(ex) is { } line)
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory).LogCritical("{Reason}", line);
            await app.DisposeAsync();
            return true;
        }
    }

    /// <summary>
    /// Runs the app until it is shut down. A start that fails is written as one line saying why (the setting, the
    /// database, the port), with no stack trace when the cause is the operator's to fix, and the process ends with
    /// exit code 1 instead of crashing on an unhandled exception.
    /// </summary>
    public static async Task<int> RunReportingStartupFailureAsync(this WebApplication app)
    {
        var state = app.Services.GetRequiredService<StartupState>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
        app.Lifetime.ApplicationStarted.Register(state.MarkStarted);
        try
        {
            await app.StartAsync();
        }
        catch (Exception ex)
        {
            if (StartupFailure.Describe(ex) is { } line)
            {
                logger.LogCritical("{Reason}", line);
            }
            else
            {
                logger.LogCritical(ex, "The app cannot start");
            }
            await app.DisposeAsync();
            return 1;
        }
        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return 0;
    }
}
