using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Deliveries due now, for this process's <see cref="DeliveryDispatcher"/>. Only a hint: the database row is the
/// work, so an entry lost with the process is found again by the <see cref="RecoverySweep"/>, and a delivery
/// queued twice is attempted once (the lease decides). Bounded by <c>Dispatcher:QueueCapacity</c>: a delivery that
/// finds no room stays in the database alone, and the queue then has a backlog, which the dispatcher takes from the
/// database itself (<see cref="DeliveryLeaser.LeaseDueAsync"/>) whenever it has a free slot and nothing queued.
/// </summary>
internal sealed class DispatchQueue(IOptions<DispatcherOptions> options)
{
    private readonly Channel<DispatchItem> channel = Channel.CreateUnbounded<DispatchItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int capacity = options.Value.QueueCapacity;

    /// <summary>Raised by each refusal; a backlog is cleared only by a look at the database begun after the latest one.</summary>
    private long refusals;
    private long clearedAt;
    private int count;

    /// <summary>The most entries the queue takes (<c>Dispatcher:QueueCapacity</c>).</summary>
    public int Capacity => capacity;

    /// <summary>Entries waiting now.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>How many entries fit before the queue is full.</summary>
    public int Free => Math.Max(0, capacity - Count);

    /// <summary>
    /// Room for a new entry: none while the queue is full, and none while a backlog waits in the database either, so
    /// newer deliveries join the backlog rather than overtake it (the dispatcher takes it oldest first).
    /// </summary>
    public bool HasRoom => !HasBacklog && Count < capacity;

    /// <summary>How many new entries the queue takes now (see <see cref="HasRoom"/>).</summary>
    public int Room => HasBacklog ? 0 : Free;

    /// <summary>Due deliveries may wait in the database that the queue did not take.</summary>
    public bool HasBacklog => Interlocked.Read(ref refusals) != Interlocked.Read(ref clearedAt);

    /// <summary>
    /// A due delivery the dispatcher must lease first, with what its attempt needs when the <see cref="RetryTimer"/>
    /// held it; false, and a backlog, when the queue has no room.
    /// </summary>
    public bool TryEnqueue(Guid deliveryId, HeldRetry? held = null)
    {
        if (!HasRoom)
        {
            MarkBacklog();
            return false;
        }
        Write(new DispatchItem(deliveryId, null, held));
        return true;
    }

    /// <summary>
    /// A delivery committed with this node's lease on it. Always taken (the lease keeps everyone else from it): its
    /// room was checked before it was leased, so the queue overshoots its capacity by at most the hand-overs in flight.
    /// </summary>
    public void Enqueue(LeasedDelivery leased) => Write(new DispatchItem(leased.Delivery.Id, leased));

    /// <summary>Completes when an entry is waiting (the dispatcher is the one reader).</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => channel.Reader.WaitToReadAsync(cancellationToken);

    public bool TryRead(out DispatchItem item)
    {
        if (!channel.Reader.TryRead(out item))
        {
            return false;
        }
        Interlocked.Decrement(ref count);
        return true;
    }

    /// <summary>
    /// Reads entries into <paramref name="batch"/> until it holds <paramref name="count"/>, adding each id to
    /// <paramref name="inFlight"/>; an entry whose id is there already is dropped, as its delivery is being attempted.
    /// One exception: a delivery queued bare and then leased by a look at the backlog has both entries queued, and the
    /// lease can only be used by the leased one, so when both land in one batch the leased one takes the bare one's place.
    /// </summary>
    public void TakeInto(List<DispatchItem> batch, int count, ConcurrentDictionary<Guid, byte> inFlight)
    {
        while (batch.Count < count && TryRead(out var item))
        {
            if (inFlight.TryAdd(item.DeliveryId, 0))
            {
                batch.Add(item);
                continue;
            }
            if (item.Leased is not null)
            {
                var bare = batch.FindIndex(queued => queued.DeliveryId == item.DeliveryId && queued.Leased is null);
                if (bare >= 0)
                {
                    batch[bare] = item;
                }
            }
        }
    }

    private void Write(DispatchItem item)
    {
        // Counted first, so the count never reads lower than what the reader can take.
        Interlocked.Increment(ref count);
        channel.Writer.TryWrite(item);
    }

    /// <summary>Records that due deliveries wait in the database, not here.</summary>
    public void MarkBacklog() => Interlocked.Increment(ref refusals);

    /// <summary>The mark to pass to <see cref="ClearBacklog"/> after a look at the database that starts now.</summary>
    public long BacklogMark => Interlocked.Read(ref refusals);

    /// <summary>The database had no more due deliveries when looked at; no refusal since <paramref name="mark"/> means no backlog.</summary>
    public void ClearBacklog(long mark)
    {
        var cleared = Interlocked.Read(ref clearedAt);
        while (cleared < mark)
        {
            var seen = Interlocked.CompareExchange(ref clearedAt, mark, cleared);
            if (seen == cleared)
            {
                return;
            }
            cleared = seen;
        }
    }
}
