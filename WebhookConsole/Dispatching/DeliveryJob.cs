using Hangfire;

namespace WebhookConsole.Dispatching;

/// <summary>
/// The Hangfire job of a delivery (a retry; on PostgreSQL every delivery): when it runs, the delivery goes to the
/// dispatcher of the node whose worker fetched the job. Safe to run twice: the dispatcher leases the row first, and
/// a delivery done, not due or leased elsewhere is skipped.
/// </summary>
internal sealed class DeliveryJob(DispatchQueue queue)
{
    // Hangfire's own retries would resend; failures are handled by the dispatcher and the recovery sweep.
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        // A full queue refuses it; the row stays due and the dispatcher leases it from the database later.
        queue.TryEnqueue(deliveryId);
        return Task.CompletedTask;
    }
}
