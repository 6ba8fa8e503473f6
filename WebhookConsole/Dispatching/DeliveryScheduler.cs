using Hangfire;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Hands deliveries to the dispatcher: due ones straight to this process's <see cref="DispatchQueue"/>, later ones
/// to Hangfire, which only schedules. The database row is the work either way.
/// </summary>
internal sealed class DeliveryScheduler(DispatchQueue queue, IBackgroundJobClient jobs)
{
    public void Enqueue(Guid deliveryId) => queue.Enqueue(deliveryId);

    public void Schedule(Guid deliveryId, TimeSpan delay) =>
        jobs.Schedule<DeliveryJob>(job => job.RunAsync(deliveryId, CancellationToken.None), delay);
}
