namespace WebhookConsole.Features.Webhooks;

/// <summary>
/// Tells the caches of webhook setup (ingest's routes, the dispatcher's webhooks) that webhooks, environments or
/// subscriptions have changed on this node, so they forget what they remember at once. Changes made on another
/// node reach this one only as the caches' entries expire.
/// </summary>
internal sealed class WebhookSetupChanges
{
    public event Action? Changed;

    public void Announce() => Changed?.Invoke();
}
