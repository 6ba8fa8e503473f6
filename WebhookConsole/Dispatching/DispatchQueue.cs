using System.Threading.Channels;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Ids of deliveries due now, for this process's <see cref="DeliveryDispatcher"/>. Only a hint: the database row
/// is the work, so an id lost with the process is found again by the <see cref="RecoverySweep"/>, and an id
/// queued twice is attempted once (the lease decides).
/// </summary>
internal sealed class DispatchQueue
{
    private readonly Channel<Guid> channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<Guid> Reader => channel.Reader;

    public void Enqueue(Guid deliveryId) => channel.Writer.TryWrite(deliveryId);
}
