using Hangfire;
using Microsoft.Extensions.Options;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Dispatching.Templates;

namespace WebhookConsole.Dispatching;

internal static class DispatcherServiceExtensions
{
    public static WebApplicationBuilder AddDispatcher(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DispatcherOptions>().BindConfiguration(DispatcherOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<WebhookSigner>();
        services.AddSingleton<SecretProtector>();
        services.AddSingleton<NodeIdentity>();
        services.AddSingleton<GuardedConnector>();
        services.AddSingleton<RetryPolicy>();
        services.AddSingleton<WebhookHealth>();
        services.AddSingleton<OutgoingRequestBuilder>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<DeliveryScheduler>();
        services.AddSingleton<AttemptRecorder>();
        services.AddTransient<DeliveryJob>();

        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
                ConnectTimeout = TimeSpan.FromSeconds(10),
                ConnectCallback = sp.GetRequiredService<GuardedConnector>().ConnectAsync,
            })
            // The handler is shared across requests for connection reuse; the factory's rotation is not needed.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage());
        services.AddHangfireServer((sp, o) =>
        {
            o.WorkerCount = sp.GetRequiredService<IOptions<DispatcherOptions>>().Value.WorkerCount;
            // Retries with delays of seconds must not wait for Hangfire's default 15 s poll.
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
        services.AddHostedService(sp => sp.GetRequiredService<RecoverySweep>());
        services.AddSingleton<RecoverySweep>();
        return builder;
    }
}
