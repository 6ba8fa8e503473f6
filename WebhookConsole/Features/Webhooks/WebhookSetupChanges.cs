namespace WebhookConsole.Features.Webhooks;

/// <summary>
/// Tells the caches of webhook setup (ingest's routes, the dispatcher's webhooks) that webhooks, environments or
/// subscriptions have changed, on this node or another.
/// </summary>
internal sealed class WebhookSetupChanges : ChangeAnnouncements;
