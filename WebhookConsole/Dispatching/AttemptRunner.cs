using Microsoft.Extensions.Options;

namespace WebhookConsole.Dispatching;

/// <summary>Makes one attempt of one leased delivery: builds the request, sends it, records the outcome.</summary>
internal sealed class AttemptRunner(
    OutgoingRequestBuilder requests,
    WebhookSender sender,
    AttemptRecorder recorder,
    IOptionsMonitor<DispatcherOptions> options)
{
    public async Task RunAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        try
        {
            await AttemptAsync(work, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: give the delivery back at once, so another node (or the next start) takes it without
            // waiting for the lease to expire. At-least-once: a request already on the wire may be sent again.
            // The dispatcher counts these and says so once for all of them.
            await recorder.ReleaseLeaseAsync(work.Delivery.Id, CancellationToken.None);
            throw;
        }
    }

    private async Task AttemptAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        var (delivery, webhook, callEvent) = work;
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
            await recorder.RecordAsync(delivery, webhook, callEvent, request, refused, cancellationToken);
            return;
        }

        var result = await sender.SendAsync(request, cancellationToken);
        // Once a request has been answered, its outcome is kept even if shutdown has begun meanwhile.
        await recorder.RecordAsync(delivery, webhook, callEvent, request, result, CancellationToken.None);
    }
}
