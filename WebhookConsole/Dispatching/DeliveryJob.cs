using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebhookConsole.Data;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Events;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Makes one attempt of one delivery. Safe to run twice or concurrently: it first leases the row with a
/// conditional UPDATE, and a run that cannot lease (done, not due, or leased elsewhere) does nothing.
/// Across nodes on PostgreSQL the UPDATE is atomic under READ COMMITTED: a second node's UPDATE of the same row
/// waits for the first to commit, re-checks its WHERE against the new row, finds the lease taken and matches nothing.
/// </summary>
internal sealed class DeliveryJob(
    IDbContextFactory<AppDbContext> dbFactory,
    OutgoingRequestBuilder requests,
    WebhookSender sender,
    AttemptRecorder recorder,
    NodeIdentity node,
    IOptionsMonitor<DispatcherOptions> options,
    TimeProvider time,
    ILogger<DeliveryJob> logger)
{
    // Hangfire's own retries would resend; failures are handled here and by the recovery sweep.
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        var work = await LeaseAsync(deliveryId, cancellationToken);
        if (work is null)
        {
            return;
        }
        var (delivery, webhook, callEvent) = work.Value;
        try
        {
            await AttemptAsync(delivery, webhook, callEvent, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: give the delivery back at once, so another node (or the next start) takes it without
            // waiting for the lease to expire. At-least-once: a request already on the wire may be sent again.
            await recorder.ReleaseLeaseAsync(delivery.Id, CancellationToken.None);
            logger.LogInformation("Delivery {DeliveryId} released by shutdown", delivery.Id);
            throw;
        }
    }

    private async Task AttemptAsync(Delivery delivery, WebhookEndpoint? webhook, CallEvent callEvent, CancellationToken cancellationToken)
    {
        if (webhook is null || (!webhook.Enabled && !delivery.IsTest))
        {
            await recorder.EndWithoutAttemptAsync(delivery.Id, webhook is null ? "webhook deleted" : WebhookHealth.DisabledError, cancellationToken);
            return;
        }

        OutgoingRequest request;
        try
        {
            request = requests.Build(webhook, callEvent, delivery.Id);
        }
        catch (Exception ex) when (ex is Templates.TemplateRenderException or System.Text.Json.JsonException or UriFormatException)
        {
            // A request that cannot be built will not build on a retry either.
            await recorder.EndWithoutAttemptAsync(delivery.Id, "request could not be built: " + ex.Message, cancellationToken);
            return;
        }

        if (options.CurrentValue.RequireHttps && !request.Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var refused = new SendResult(null, null, null, "destination refused: Dispatcher:RequireHttps allows https URLs only", 0, null);
            await recorder.RecordAsync(delivery, webhook, request, refused, cancellationToken);
            return;
        }

        var result = await sender.SendAsync(request, cancellationToken);
        // Once a request has been answered, its outcome is kept even if shutdown has begun meanwhile.
        await recorder.RecordAsync(delivery, webhook, request, result, CancellationToken.None);
    }

    private async Task<(Delivery, WebhookEndpoint?, CallEvent)?> LeaseAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var webhookTimeout = await db.Deliveries
            .Where(d => d.Id == deliveryId)
            .Join(db.Webhooks, d => d.WebhookId, w => w.Id, (d, w) => (int?)w.TimeoutSeconds)
            .FirstOrDefaultAsync(cancellationToken) ?? 60;
        var until = now.AddSeconds(webhookTimeout + options.CurrentValue.LeaseMarginSeconds);
        // A scheduled retry may fire a moment early on a coarse timer; a second of slack keeps it from being lost.
        var dueBy = now.AddSeconds(1);

        var leased = await db.Deliveries
            .Where(d => d.Id == deliveryId
                && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Retrying)
                && d.NextAttemptAt <= dueBy
                && (d.LeaseUntil == null || d.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.LeaseOwner, node.Name)
                .SetProperty(d => d.LeaseUntil, until), cancellationToken);
        if (leased == 0)
        {
            logger.LogDebug("Delivery {DeliveryId} is done, not due or leased elsewhere", deliveryId);
            return null;
        }

        var delivery = await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId, cancellationToken);
        var webhook = await db.Webhooks.AsNoTracking().SingleOrDefaultAsync(w => w.Id == delivery.WebhookId, cancellationToken);
        var callEvent = await db.Events.AsNoTracking().SingleAsync(e => e.Id == delivery.CallEventId, cancellationToken);
        return (delivery, webhook, callEvent);
    }
}
