using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace WebhookConsole.Health;

internal static class HealthServiceExtensions
{
    private const string ReadyTag = "ready";

    /// <summary>The framework's health check service, which logs every unhealthy result at Error, at every probe.</summary>
    private const string HealthCheckServiceCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        // The one check reports its failures itself, once per outage and interval (DatabaseOutageLog); a load balancer
        // probing every few seconds would otherwise fill the log with the same line. This rule replaces the configured
        // level for the category, so it keeps the default's Information floor.
        builder.Logging.AddFilter(HealthCheckServiceCategory, level => level is >= LogLevel.Information and < LogLevel.Error);
        return builder;
    }

    /// <summary><c>/healthz</c>: the process answers (liveness). <c>/readyz</c>: it can also reach its database.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }
}
