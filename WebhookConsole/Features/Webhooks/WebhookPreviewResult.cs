using WebhookConsole.Dispatching;

namespace WebhookConsole.Features.Webhooks;

/// <summary>The request a webhook would send, or why it cannot be built (then <see cref="Request"/> is null).</summary>
internal sealed record WebhookPreviewResult(OutgoingRequest? Request, string? Error);
