using Hangfire;

namespace WebhookConsole.Dispatching;

/// <summary>Hands delivery ids to Hangfire. Hangfire only schedules: the database row is the work.</summary>
internal sealed class DeliveryScheduler(IBackgroundJobClient jobs)
{
    public void Enqueue(Guid deliveryId) =>
        jobs.Enqueue<DeliveryJob>(job => job.RunAsync(deliveryId, CancellationToken.None));

    public void Schedule(Guid deliveryId, TimeSpan delay) =>
        jobs.Schedule<DeliveryJob>(job => job.RunAsync(deliveryId, CancellationToken.None), delay);
}
