namespace WebhookConsole.Features.Webhooks;

/// <summary>A webhook as stored, with its secret in clear text when this change made or set one (else null).</summary>
internal sealed record WebhookSaved(WebhookEndpoint Webhook, string? Secret);
