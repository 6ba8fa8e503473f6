using Hangfire;
using Microsoft.Extensions.Options;
using WebhookConsole.Data;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Hands deliveries to the dispatcher; the database row is the work either way. With SQLite (one node) a due
/// delivery goes straight to this process's <see cref="DispatchQueue"/>. With PostgreSQL (several nodes) it goes
/// through Hangfire's shared queue, so whichever node's worker fetches it sends it and the load spreads over every
/// node. Later deliveries (retries) are scheduled in Hangfire on either provider.
/// </summary>
internal sealed class DeliveryScheduler(DispatchQueue queue, IBackgroundJobClient jobs, IOptions<DatabaseOptions> database)
{
    private readonly bool shared = database.Value.Provider == DatabaseProvider.Postgres;

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
