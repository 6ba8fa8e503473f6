using Microsoft.Extensions.Options;
using Npgsql;
using WebhookConsole.Dispatching;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Tokens;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Data.NodeChanges;

/// <summary>
/// Hears what the other nodes changed (PostgreSQL only) on one connection of its own, kept out of the pool, and
/// passes it on to this node's caches and open pages through the same in-process announcements as a local change.
/// Its own messages come back to it too and are ignored. A lost connection is opened again, waiting longer after
/// each failure; once it is back, caches forget everything and pages reload, as news may have been missed meanwhile.
/// </summary>
internal sealed class NodeChangeListener(
    IOptions<DatabaseOptions> database,
    IConfiguration configuration,
    NodeIdentity identity,
    WebhookSetupChanges setupChanges,
    DeliveryChanges deliveryChanges,
    ApiTokenChanges tokenChanges,
    TimeProvider time,
    DatabaseOutageLog outage,
    ILogger<NodeChangeListener> logger) : BackgroundService
{
    /// <summary>How the listening connection shows in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "WebhookConsole listener";

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>A quiet connection is checked this often, so one lost without a word (a dead network) is noticed.</summary>
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Value.Provider != DatabaseProvider.Postgres)
        {
            return;
        }
        var connectionString = ListenerConnectionString();
        var retryDelay = FirstRetryDelay;
        var lost = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += OnNotification;
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {NodeChangeMessage.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Whatever was cached before this point may have changed unheard (before the first connection too).
                setupChanges.AnnounceFromOtherNode();
                deliveryChanges.PublishManyFromOtherNode();
                tokenChanges.AnnounceFromOtherNode();
                if (lost)
                {
                    logger.LogInformation("Hearing the other nodes' changes again");
                    lost = false;
                }
                retryDelay = FirstRetryDelay;
                await ListenAsync(connection, stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A server that is down or restarting is said in a line; the stack trace is for anything else.
                if (DatabaseUnavailable.IsCause(ex))
                {
                    logger.LogWarning("Not hearing the other nodes' changes (their caches' entries expire meanwhile): {Cause}; trying again in {Delay} s",
                        outage.Describe(ex), retryDelay.TotalSeconds);
                }
                else
                {
                    // The exception names the server, never the password.
                    logger.LogWarning(ex, "Not hearing the other nodes' changes (their caches' entries expire meanwhile); trying again in {Delay} s",
                        retryDelay.TotalSeconds);
                }
                lost = true;
                try
                {
                    await Task.Delay(retryDelay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, LastRetryDelay.Ticks));
            }
        }
    }

    private static async Task ListenAsync(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        while (true)
        {
            if (!await connection.WaitAsync(ProbeInterval, stoppingToken))
            {
                await using var probe = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = (int)ProbeInterval.TotalSeconds };
                await probe.ExecuteNonQueryAsync(stoppingToken);
            }
        }
    }

    /// <summary>The configured connection, alone (not pooled: its LISTEN lives with it), never multiplexed (it waits).</summary>
    private string ListenerConnectionString() =>
        new NpgsqlConnectionStringBuilder(DatabaseServiceExtensions.ConnectionString(configuration))
        {
            Pooling = false,
            Multiplexing = false,
            ApplicationName = ApplicationName,
        }.ConnectionString;

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        try
        {
            if (e.Channel != NodeChangeMessage.Channel || NodeChangeMessage.Parse(e.Payload) is not { } message)
            {
                logger.LogDebug("Ignored a message on {Channel} this node does not understand", e.Channel);
                return;
            }
            if (message.Sender == identity.Name)
            {
                return;
            }
            switch (message.Kind)
            {
                case NodeChangeKind.WebhookSetup:
                    setupChanges.AnnounceFromOtherNode();
                    break;
                case NodeChangeKind.Deliveries:
                    deliveryChanges.PublishFromOtherNode(message.DeliveryIds);
                    break;
                case NodeChangeKind.ManyDeliveries:
                    deliveryChanges.PublishManyFromOtherNode();
                    break;
                case NodeChangeKind.ApiTokens:
                    tokenChanges.AnnounceFromOtherNode();
                    break;
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not pass on another node's change");
        }
    }
}
