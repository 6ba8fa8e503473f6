namespace WebhookConsole.Features.Webhooks;

/// <summary>
/// What an edit form was loaded from: the webhook as stored then and the environments subscribing to it. A save
/// compares it with what is stored now, so a change made meanwhile elsewhere is not overwritten unseen.
/// </summary>
internal sealed record WebhookEditBase(WebhookEndpoint Webhook, IReadOnlyCollection<Guid> EnvironmentIds);
