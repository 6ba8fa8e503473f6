using Hangfire;
using WebhookConsole.Hosting;

namespace WebhookConsole.Features.Retention;

internal static class RetentionServiceExtensions
{
    public static WebApplicationBuilder AddRetention(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<RetentionOptions>(RetentionOptions.Section);
        builder.Services.AddTransient<RetentionJob>();
        return builder;
    }

    /// <summary>Schedules the hourly purge (idempotent: the recurring job is updated in place).</summary>
    public static WebApplication ScheduleRetention(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Services.GetRequiredService<IRecurringJobManager>()
                .AddOrUpdate<RetentionJob>(RetentionJob.RecurringJobId, job => job.PurgeAsync(CancellationToken.None), Cron.Hourly()));
        return app;
    }
}
