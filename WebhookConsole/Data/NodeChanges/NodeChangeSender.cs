using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using WebhookConsole.Dispatching;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Tokens;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Data.NodeChanges;

/// <summary>
/// Tells the other nodes (PostgreSQL only) what changed on this one: a change of webhook setup at once, so their
/// caches stop routing to a disabled webhook or signing with a rotated secret; a revoked API token at once, so their
/// cache of token callers stops letting it in; changed deliveries gathered for
/// <see cref="DeliveryInterval"/> into one notification, so a delivery costs the sending path no more than adding its
/// id to a set. When the ids would not fit one notification, or one could not be sent, the next says "many changed".
/// A message that cannot be sent is logged and dropped: the other nodes' caches expire within seconds all the same.
/// </summary>
internal sealed class NodeChangeSender(
    IOptions<DatabaseOptions> database,
    IConfiguration configuration,
    NodeIdentity identity,
    WebhookSetupChanges setupChanges,
    DeliveryChanges deliveryChanges,
    ApiTokenChanges tokenChanges,
    TimeProvider time,
    ILogger<NodeChangeSender> logger) : BackgroundService
{
    public static readonly TimeSpan DeliveryInterval = TimeSpan.FromMilliseconds(200);

    private const int CommandTimeoutSeconds = 5;

    private readonly Channel<bool> setupSignal = Signal();
    private readonly Channel<bool> tokenSignal = Signal();
    private readonly Channel<bool> deliverySignal = Signal();
    private readonly Lock gate = new();
    private readonly HashSet<Guid> pendingIds = [];
    private bool pendingMany;
    private bool deliveriesScheduled;
    private int deliveryCapacity;
    private string connectionString = "";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Value.Provider != DatabaseProvider.Postgres)
        {
            return;
        }
        connectionString = DatabaseServiceExtensions.ConnectionString(configuration);
        deliveryCapacity = NodeChangeMessage.DeliveryCapacity(identity.Name);
        setupChanges.ChangedHere += OnSetupChanged;
        deliveryChanges.ChangedHere += OnDeliveriesChanged;
        tokenChanges.ChangedHere += OnTokensChanged;
        try
        {
            await Task.WhenAll(
                SendOnSignalAsync(setupSignal, NodeChangeMessage.WebhookSetup(identity.Name), stoppingToken),
                SendOnSignalAsync(tokenSignal, NodeChangeMessage.ApiTokens(identity.Name), stoppingToken),
                SendDeliveryChangesAsync(stoppingToken));
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what was on its way is not needed any more.
        }
        catch (Exception ex)
        {
            // Never the app's end: without these messages the other nodes still see changes as their caches expire.
            logger.LogError(ex, "Stopped telling the other nodes of changes");
        }
        finally
        {
            setupChanges.ChangedHere -= OnSetupChanged;
            deliveryChanges.ChangedHere -= OnDeliveriesChanged;
            tokenChanges.ChangedHere -= OnTokensChanged;
        }
    }

    private void OnSetupChanged() => setupSignal.Writer.TryWrite(true);

    private void OnTokensChanged() => tokenSignal.Writer.TryWrite(true);

    private void OnDeliveriesChanged(IReadOnlyCollection<Guid> ids)
    {
        bool wake;
        lock (gate)
        {
            if (!pendingMany)
            {
                pendingIds.UnionWith(ids);
                if (pendingIds.Count > deliveryCapacity)
                {
                    pendingMany = true;
                    pendingIds.Clear();
                }
            }
            wake = !deliveriesScheduled;
            deliveriesScheduled = true;
        }
        if (wake)
        {
            deliverySignal.Writer.TryWrite(true);
        }
    }

    /// <summary>
    /// The signal is taken before the message is sent: a change announced while one is on its way (a save announces
    /// as it starts and again once committed) sends another, so the last message always follows the commit.
    /// </summary>
    private async Task SendOnSignalAsync(Channel<bool> signal, NodeChangeMessage message, CancellationToken stoppingToken)
    {
        while (await signal.Reader.WaitToReadAsync(stoppingToken))
        {
            signal.Reader.TryRead(out _);
            await SendAsync(message, stoppingToken);
        }
    }

    private async Task SendDeliveryChangesAsync(CancellationToken stoppingToken)
    {
        while (await deliverySignal.Reader.WaitToReadAsync(stoppingToken))
        {
            deliverySignal.Reader.TryRead(out _);
            await Task.Delay(DeliveryInterval, time, stoppingToken);
            Guid[] ids;
            bool many;
            lock (gate)
            {
                ids = [.. pendingIds];
                many = pendingMany;
                pendingIds.Clear();
                pendingMany = false;
                deliveriesScheduled = false;
            }
            var message = many ? NodeChangeMessage.ManyDeliveries(identity.Name) : NodeChangeMessage.Deliveries(identity.Name, ids);
            if (!await SendAsync(message, stoppingToken))
            {
                // The other nodes' pages missed these; the next change tells them to reload.
                lock (gate)
                {
                    pendingMany = true;
                    pendingIds.Clear();
                }
            }
        }
    }

    private async Task<bool> SendAsync(NodeChangeMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(stoppingToken);
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection) { CommandTimeout = CommandTimeoutSeconds };
            command.Parameters.AddWithValue("channel", NodeChangeMessage.Channel);
            command.Parameters.AddWithValue("payload", message.ToPayload());
            await command.ExecuteNonQueryAsync(stoppingToken);
            return true;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The exception names the server, never the password; the payload holds nothing secret.
            logger.LogWarning(ex, "Could not tell the other nodes of a change ({Kind}); they see it when their caches expire", message.Kind);
            return false;
        }
    }

    /// <summary>A wake-up call: one pending at most, a second while one waits is dropped.</summary>
    private static Channel<bool> Signal() =>
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
}
