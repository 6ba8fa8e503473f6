using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebhookConsole.Api;
using WebhookConsole.Data;
using WebhookConsole.Dispatching;
using WebhookConsole.Dispatching.Templates;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Events;
using WebhookConsole.Features.EventTypes;

namespace WebhookConsole.Features.Webhooks;

/// <summary>
/// Sends an event type's sample to one webhook now, as a recorded test delivery: rendered, signed and
/// stored like any delivery, never retried, not counted toward auto-disable, allowed on disabled webhooks.
/// The test event belongs to the first environment (by name) subscribing the webhook, else to an
/// environment named <c>test</c> that needs not exist.
/// </summary>
internal sealed class WebhookTestService(
    IDbContextFactory<AppDbContext> dbFactory,
    EventTypeCatalog catalog,
    OutgoingRequestBuilder requests,
    WebhookSender sender,
    AttemptRecorder recorder,
    NodeIdentity node,
    IOptionsMonitor<DispatcherOptions> options,
    TimeProvider time)
{
    public const string DefaultEventForAny = "Call:Hangup";
    public const string FallbackEnvironment = "test";

    /// <summary>The attempt made; null with <paramref name="errors"/> empty when the webhook is not in the account.</summary>
    public async Task<DeliveryAttempt?> SendAsync(Guid accountId, Guid webhookId, string? eventType, FieldErrors errors, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var webhook = await db.Webhooks.AsNoTracking().SingleOrDefaultAsync(w => w.Id == webhookId && w.AccountId == accountId, cancellationToken);
        if (webhook is null)
        {
            return null;
        }
        var typeName = eventType ?? (webhook.EventType == WebhookEndpoint.AnyEvent ? DefaultEventForAny : webhook.EventType);
        var type = await catalog.FindAsync(typeName, cancellationToken);
        if (type is null)
        {
            errors.Add("event", "unknown", $"'{typeName}' is not an event type of the catalogue");
            return null;
        }
        var environment = await db.EnvironmentSubscriptions.Where(s => s.WebhookId == webhookId)
            .Join(db.Environments, s => s.EnvironmentId, e => e.Id, (s, e) => new { e.Id, e.Name })
            .OrderBy(e => e.Name)
            .FirstOrDefaultAsync(cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var callEvent = new CallEvent
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            EventId = "test-" + Guid.CreateVersion7(),
            EventType = type.Name,
            EnvironmentId = environment?.Id ?? Guid.Empty,
            EnvironmentName = environment?.Name ?? FallbackEnvironment,
            OccurredAt = now,
            ReceivedAt = now,
            DataJson = type.SampleJson,
        };
        var delivery = new Delivery
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            CallEventId = callEvent.Id,
            WebhookId = webhook.Id,
            EventType = type.Name,
            EnvironmentId = callEvent.EnvironmentId,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            // Leased by this request, so the recovery sweep leaves it alone unless this process dies mid-send.
            LeaseOwner = node.Name,
            LeaseUntil = now.AddSeconds(webhook.TimeoutSeconds + options.CurrentValue.LeaseMarginSeconds),
            IsTest = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Events.Add(callEvent);
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);

        // From here on the caller giving up changes nothing (the webhook's timeout bounds the send): the request made
        // is recorded as the test's one attempt. Dropped, it would leave the test delivery pending, and the recovery
        // sweep would send it again once the lease ran out.
        var (request, result) = await SendAsync(webhook, callEvent, delivery.Id, CancellationToken.None);
        await recorder.RecordAsync(delivery, webhook, null, request, result, CancellationToken.None);
        return await db.Attempts.AsNoTracking().Where(a => a.DeliveryId == delivery.Id)
            .OrderByDescending(a => a.Number).FirstAsync(cancellationToken);
    }

    private async Task<(OutgoingRequest, SendResult)> SendAsync(WebhookEndpoint webhook, CallEvent callEvent, Guid deliveryId, CancellationToken cancellationToken)
    {
        OutgoingRequest request;
        try
        {
            request = requests.Build(webhook, callEvent, deliveryId);
        }
        catch (Exception ex) when (ex is TemplateRenderException or System.Text.Json.JsonException or UriFormatException)
        {
            // Recorded as a failed attempt, so the caller sees why nothing was sent.
            var unsent = new OutgoingRequest(webhook.Method, webhook.Url, [], "", TimeSpan.FromSeconds(webhook.TimeoutSeconds));
            return (unsent, new SendResult(null, null, null, "request could not be built: " + ex.Message, 0, null));
        }
        if (options.CurrentValue.RequireHttps && !request.Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return (request, new SendResult(null, null, null, "destination refused: Dispatcher:RequireHttps allows https URLs only", 0, null));
        }
        return (request, await sender.SendAsync(request, cancellationToken));
    }
}
