using Microsoft.Extensions.Options;

namespace WebhookConsole.Dispatching;

/// <summary>
/// The retries of this process (SQLite, one node), held until they are due and then handed to the
/// <see cref="DispatchQueue"/>. Only a hint, as the queue is: the delivery's <c>NextAttemptAt</c> is the work, so a
/// retry lost with the process, or not held because <c>Dispatcher:QueueCapacity</c> retries wait already, is found
/// by the <see cref="RecoverySweep"/> once due. A Hangfire job per retry cost more than the retry's own attempt: its
/// state changes, and a finished job kept in memory for hours. A retry is held with its delivery and event
/// (<see cref="HeldRetry"/>) when the attempt had them, so leasing it when due reads nothing back; that is at most
/// <c>Dispatcher:QueueCapacity</c> events in memory.
/// </summary>
internal sealed class RetryTimer : IDisposable
{
    private readonly PriorityQueue<(Guid DeliveryId, HeldRetry? Held), DateTime> waiting = new();
    private readonly Lock gate = new();
    private readonly DispatchQueue queue;
    private readonly TimeProvider time;
    private readonly int capacity;
    private readonly ITimer timer;

    /// <summary>The due time the timer is set for, or null when it is not set.</summary>
    private DateTime? armedFor;

    public RetryTimer(DispatchQueue queue, TimeProvider time, IOptions<DispatcherOptions> options)
    {
        this.queue = queue;
        this.time = time;
        capacity = options.Value.QueueCapacity;
        timer = time.CreateTimer(_ => HandOverDue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Retries held now.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return waiting.Count;
            }
        }
    }

    /// <summary>
    /// Holds a delivery until <paramref name="dueAt"/> (UTC), with its last state and its event when
    /// <paramref name="held"/> gives them; false when as many wait already as the queue holds.
    /// </summary>
    public bool Add(Guid deliveryId, DateTime dueAt, HeldRetry? held = null)
    {
        lock (gate)
        {
            if (waiting.Count >= capacity)
            {
                return false;
            }
            waiting.Enqueue((deliveryId, held), dueAt);
            if (armedFor is not { } armed || dueAt < armed)
            {
                Arm(dueAt);
            }
            return true;
        }
    }

    private void HandOverDue()
    {
        List<(Guid DeliveryId, HeldRetry? Held)>? due = null;
        lock (gate)
        {
            armedFor = null;
            var now = time.GetUtcNow().UtcDateTime;
            while (waiting.TryPeek(out var retry, out var dueAt) && dueAt <= now)
            {
                waiting.Dequeue();
                (due ??= []).Add(retry);
            }
            if (waiting.TryPeek(out _, out var next))
            {
                Arm(next);
            }
        }
        foreach (var (deliveryId, held) in due ?? [])
        {
            // A full queue refuses it; the row stays due and the dispatcher leases it from the database.
            queue.TryEnqueue(deliveryId, held);
        }
    }

    private void Arm(DateTime dueAt)
    {
        armedFor = dueAt;
        var wait = dueAt - time.GetUtcNow().UtcDateTime;
        timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => timer.Dispose();
}
