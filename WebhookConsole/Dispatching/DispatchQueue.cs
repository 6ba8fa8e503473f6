using System.Threading.Channels;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Deliveries due now, for this process's <see cref="DeliveryDispatcher"/>. Only a hint: the database row is the
/// work, so an entry lost with the process is found again by the <see cref="RecoverySweep"/>, and a delivery
/// queued twice is attempted once (the lease decides).
/// </summary>
internal sealed class DispatchQueue
{
    private readonly Channel<DispatchItem> channel = Channel.CreateUnbounded<DispatchItem>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<DispatchItem> Reader => channel.Reader;

    /// <summary>A due delivery the dispatcher must lease first.</summary>
    public void Enqueue(Guid deliveryId) => channel.Writer.TryWrite(new DispatchItem(deliveryId, null));

    /// <summary>A delivery committed with this node's lease on it.</summary>
    public void Enqueue(LeasedDelivery leased) => channel.Writer.TryWrite(new DispatchItem(leased.Delivery.Id, leased));
}
