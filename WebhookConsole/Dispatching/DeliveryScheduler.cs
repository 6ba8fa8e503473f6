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
/// load spreads over every node. Later deliveries (retries) are scheduled in Hangfire on either provider.
/// </summary>
internal sealed class DeliveryScheduler(DispatchQueue queue, IBackgroundJobClient jobs, NodeIdentity node, IOptions<DatabaseOptions> database)
{
    /// <summary>
    /// The lease a new delivery is committed with when handed over in process. It only has to outlast the wait in
    /// the queue: one process owns an SQLite file, and a restart releases every lease it finds.
    /// </summary>
    public static readonly TimeSpan HandOverLease = TimeSpan.FromMinutes(5);

    private readonly bool shared = database.Value.Provider == DatabaseProvider.Postgres;

    /// <summary>Leases a delivery about to be committed to this node, when it will be handed over in process.</summary>
    public void LeaseNew(Delivery delivery, DateTime now)
    {
        if (!shared)
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
            queue.Enqueue(deliveryId);
        }
    }

    public void Schedule(Guid deliveryId, TimeSpan delay) =>
        jobs.Schedule<DeliveryJob>(job => job.RunAsync(deliveryId, CancellationToken.None), delay);
}
