using Hangfire;
using Hangfire.PostgreSql;
using WebhookConsole.Data;
using Microsoft.Extensions.Options;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Dispatching.Templates;
using WebhookConsole.Hosting;

namespace WebhookConsole.Dispatching;

internal static class DispatcherServiceExtensions
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(15);
    private const int HangfireWorkerCount = 4;

    public static WebApplicationBuilder AddDispatcher(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<DispatcherOptions>(DispatcherOptions.Section);

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
        services.AddSingleton<AttemptWriter>();
        services.AddSingleton<WebhookDisabledAudit>();
        services.AddSingleton<WebhookCache>();
        services.AddSingleton<DispatchQueue>();
        services.AddSingleton<RetryTimer>();
        services.AddSingleton<DeliveryLeaser>();
        services.AddSingleton<AttemptRunner>();
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
                // No traceparent or tracestate of this process's tracing to a third party: a receiver gets the headers
                // the attempt history shows, and nothing of the node's internals.
                ActivityHeadersPropagator = null,
            })
            // The handler is shared across requests for connection reuse; the factory's rotation is not needed.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The factory's request logs would write every destination URL (query strings may carry tokens) and cost
            // a logging scope per delivery; the attempt history records each request already, with secrets masked.
            .RemoveAllLoggers();

        services.AddHangfire((sp, config) =>
        {
            config
                .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<DatabaseOutageLog>()))
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres)
            {
                UsePostgresJobStorage(config, DatabaseServiceExtensions.ConnectionString(sp.GetRequiredService<IConfiguration>()));
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });
        services.AddHangfireServer((sp, o) =>
        {
            // Hangfire's jobs only hand delivery ids to the dispatch queue, and purge old history: a few threads
            // do; Dispatcher:WorkerCount sizes the dispatcher's concurrent sends instead.
            o.WorkerCount = HangfireWorkerCount;
            // Retries with delays of seconds must not wait for Hangfire's default 15 s poll.
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            // Its jobs only hand ids to the dispatcher, which finishes or releases its own deliveries on shutdown.
            o.StopTimeout = StopTimeout;
            o.ShutdownTimeout = ShutdownTimeout;
        });
        services.Configure<HostOptions>(o =>
        {
            if (o.ShutdownTimeout < ShutdownTimeout + DeliveryDispatcher.StopGrace)
            {
                o.ShutdownTimeout = ShutdownTimeout + DeliveryDispatcher.StopGrace;
            }
        });
        services.AddHostedService<DeliveryDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<RecoverySweep>());
        services.AddSingleton<RecoverySweep>();
        return builder;
    }

    /// <summary>
    /// Jobs shared by every node: any node fires any node's scheduled retries, and scheduled jobs survive a crash.
    /// The schema is installed by <see cref="DatabaseInitializer"/> under the startup lock, not here.
    /// </summary>
    private static void UsePostgresJobStorage(IGlobalConfiguration config, string connectionString) =>
        config.UsePostgreSqlStorage(
            o => o.UseNpgsqlConnection(connectionString),
            new PostgreSqlStorageOptions
            {
                PrepareSchemaIfNecessary = false,
                // A retry that has come due is picked up within a fifth of a second, not Hangfire's 15 s.
                QueuePollInterval = TimeSpan.FromMilliseconds(200),
                // A job fetched by a node that died becomes visible again after this; while the node lives, its
                // heartbeat keeps a long delivery from being handed out twice. The recovery sweep is faster still.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromMinutes(5),
            });
}
