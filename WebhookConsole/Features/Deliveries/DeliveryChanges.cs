namespace WebhookConsole.Features.Deliveries;

/// <summary>
/// Tells open consoles, in this process, which deliveries were created or moved on, by id only: a listener loads
/// what it shows itself. Publishing never waits on a listener and never fails the caller.
/// </summary>
internal sealed class DeliveryChanges(ILogger<DeliveryChanges> logger)
{
    public event Action<IReadOnlyCollection<Guid>>? Changed;

    public void Publish(Guid deliveryId) => Publish([deliveryId]);

    public void Publish(IReadOnlyCollection<Guid> deliveryIds)
    {
        if (deliveryIds.Count == 0 || Changed is not { } handlers)
        {
            return;
        }
        foreach (var handler in handlers.GetInvocationList().Cast<Action<IReadOnlyCollection<Guid>>>())
        {
            try
            {
                handler(deliveryIds);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A delivery change listener failed");
            }
        }
    }
}
