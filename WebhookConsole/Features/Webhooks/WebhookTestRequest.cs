namespace WebhookConsole.Features.Webhooks;

/// <summary>
/// The optional <c>data</c> of a test send, for the OpenAPI document: the event type whose sample is sent (by default
/// the webhook's own, or <c>Call:Hangup</c> for a <c>*</c> webhook).
/// </summary>
internal sealed class WebhookTestRequest
{
    public string? Event { get; init; }
}
