using Microsoft.Extensions.Options;

namespace WebhookConsole.Dispatching;

/// <summary>
/// The retries of this process (SQLite, one node), held until they are due and then handed to the
/// <see cref="DispatchQueue"/>. Only a hint, as the queue is: the delivery's <c>NextAttemptAt</c> is the work, so a
/// retry lost with the process, or not held because <c>Dispatcher:QueueCapacity</c> retries wait already, is found
/// by the <see cref="RecoverySweep"/> once due. A Hangfire job per retry cost more than the retry's own attempt: its
/// state changes, and a finished job kept in memory for hours.
/// </summary>
internal sealed class RetryTimer : IDisposable
{
    private readonly PriorityQueue<Guid, DateTime> waiting = new();
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

    /// <summary>Holds a delivery until <paramref name="dueAt"/> (UTC); false when as many wait already as the queue holds.</summary>
    public bool Add(Guid deliveryId, DateTime dueAt)
    {
        lock (gate)
        {
            if (waiting.Count >= capacity)
            {
                return false;
            }
            waiting.Enqueue(deliveryId, dueAt);
            if (armedFor is not { } armed || dueAt < armed)
            {
                Arm(dueAt);
            }
            return true;
        }
    }

    private void HandOverDue()
    {
        List<Guid>? due = null;
        lock (gate)
        {
            armedFor = null;
            var now = time.GetUtcNow().UtcDateTime;
            while (waiting.TryPeek(out var deliveryId, out var dueAt) && dueAt <= now)
            {
                waiting.Dequeue();
                (due ??= []).Add(deliveryId);
            }
            if (waiting.TryPeek(out _, out var next))
            {
                Arm(next);
            }
        }
        foreach (var deliveryId in due ?? [])
        {
            // A full queue refuses it; the row stays due and the dispatcher leases it from the database.
            queue.TryEnqueue(deliveryId);
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
