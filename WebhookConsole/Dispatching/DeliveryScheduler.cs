using Hangfire;
using Microsoft.Extensions.Options;
using WebhookConsole.Data;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Events;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Hands deliveries to the dispatcher; the database row is the work either way. With SQLite (one node) a due
/// delivery goes straight to this process's <see cref="DispatchQueue"/>, and a new one is committed already leased
/// by this node and handed over with its event, so the dispatcher neither leases nor reloads it. With PostgreSQL
/// (several nodes) it goes through Hangfire's shared queue, so whichever node's worker fetches it sends it and the
/// load spreads over every node. Later deliveries (retries) wait in this process's <see cref="RetryTimer"/> with
/// SQLite, and are scheduled in Hangfire with PostgreSQL, so any node may take them; what the recovery sweep finds
/// goes to this process's queue on either. When this process's queue is full, a delivery is left in the database
/// alone, and the dispatcher takes it from there.
/// </summary>
internal sealed class DeliveryScheduler(
    DispatchQueue queue, RetryTimer retries, IBackgroundJobClient jobs, NodeIdentity node, IOptions<DatabaseOptions> database)
{
    /// <summary>
    /// The lease a new delivery is committed with when handed over in process. It only has to outlast the wait in
    /// the queue: one process owns an SQLite file, and a restart releases every lease it finds.
    /// </summary>
    public static readonly TimeSpan HandOverLease = TimeSpan.FromMinutes(5);

    private readonly bool shared = database.Value.Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// Leases a delivery about to be committed to this node, when it will be handed over in process: only while the
    /// queue has room, so a backlog waits in the database, not in memory with its event.
    /// </summary>
    public void LeaseNew(Delivery delivery, DateTime now)
    {
        if (!shared && queue.HasRoom)
        {
            delivery.LeaseOwner = node.Name;
            delivery.LeaseUntil = DeliveryLeaser.TruncateToMilliseconds(now + HandOverLease);
        }
    }

    /// <summary>Hands over a committed delivery, leased by <see cref="LeaseNew"/> or not.</summary>
    public void Enqueue(Delivery delivery, CallEvent callEvent)
    {
        if (!shared && delivery.LeaseOwner == node.Name)
        {
            queue.Enqueue(new LeasedDelivery(delivery, callEvent));
        }
        else
        {
            Enqueue(delivery.Id);
        }
    }

    public void Enqueue(Guid deliveryId)
    {
        if (shared)
        {
            jobs.Enqueue<DeliveryJob>(job => job.RunAsync(deliveryId, CancellationToken.None));
        }
        else
        {
            // Refused when full: the row stays due, and the dispatcher leases it from the database once it has room.
            queue.TryEnqueue(deliveryId);
        }
    }

    /// <summary>
    /// A due delivery the recovery sweep claimed: to this process's queue on either provider. A Hangfire job for it
    /// would add a copy to the shared queue each time a delivery waiting its turn in some live node's queue outlasts
    /// the sweep's grace, so a long backlog would grow the job tables by its own size every grace period.
    /// </summary>
    public void Recover(Guid deliveryId) => queue.TryEnqueue(deliveryId);

    /// <summary>How many deliveries the recovery sweep may hand over now: the room left in this process's queue.</summary>
    public int Room => queue.Room;

    /// <summary>Due deliveries were left in the database for want of room.</summary>
    public void MarkBacklog() => queue.MarkBacklog();

    /// <summary>
    /// Schedules the next attempt of a delivery for <paramref name="dueAt"/> (UTC), its <c>NextAttemptAt</c>. Hangfire
    /// keeps a scheduled job's time in whole seconds, cut down, and starts the job once that second begins, so a retry
    /// due at 12:00:04.7 would start at 12:00:04.0 and go out 0.7 s before its delay was over: the time handed to
    /// Hangfire is rounded up to a whole second instead.
    /// </summary>
    /// <param name="held">The delivery as its last attempt left it, with its event: held in memory with SQLite.</param>
    public void Schedule(Guid deliveryId, DateTime dueAt, HeldRetry? held = null)
    {
        if (shared)
        {
            jobs.Schedule<DeliveryJob>(job => job.RunAsync(deliveryId, CancellationToken.None), WholeSecondAtOrAfter(dueAt));
        }
        else
        {
            // Not held when too many wait already: the row stays, and the recovery sweep hands it out once due.
            retries.Add(deliveryId, dueAt, held);
        }
    }

    /// <summary>The first whole second (UTC) at or after <paramref name="utc"/>.</summary>
    public static DateTimeOffset WholeSecondAtOrAfter(DateTime utc)
    {
        var ticks = utc.Ticks + TimeSpan.TicksPerSecond - 1;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
