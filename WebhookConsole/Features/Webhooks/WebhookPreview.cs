using System.Security.Cryptography;
using System.Text.Json;
using WebhookConsole.Dispatching;
using WebhookConsole.Dispatching.Templates;
using WebhookConsole.Features.Events;
using WebhookConsole.Features.EventTypes;

namespace WebhookConsole.Features.Webhooks;

/// <summary>
/// Builds the exact request a webhook would send for an event type's sample, as the dispatcher builds it:
/// rendered, with custom data merged, the GET query, every header and the signature.
/// </summary>
internal sealed class WebhookPreview(OutgoingRequestBuilder requests, TimeProvider time)
{
    /// <summary>The <c>webhook-id</c> a preview shows; a real delivery gets its own.</summary>
    public static readonly Guid PreviewDeliveryId = Guid.Parse("00000000-0000-7000-8000-000000000000");

    /// <param name="draft">The webhook as edited, unsaved; its secret already protected.</param>
    public WebhookPreviewResult Build(WebhookEndpoint draft, EventType type, string environmentName)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var callEvent = new CallEvent
        {
            Id = Guid.Empty,
            AccountId = draft.AccountId,
            EventId = "preview-" + type.Name,
            EventType = type.Name,
            EnvironmentName = environmentName,
            OccurredAt = now,
            ReceivedAt = now,
            DataJson = type.SampleJson,
        };
        try
        {
            return new WebhookPreviewResult(requests.Build(draft, callEvent, PreviewDeliveryId), null);
        }
        catch (Exception ex) when (ex is TemplateRenderException or JsonException or UriFormatException or FormatException or ArgumentException or CryptographicException)
        {
            return new WebhookPreviewResult(null, ex.Message);
        }
    }
}
