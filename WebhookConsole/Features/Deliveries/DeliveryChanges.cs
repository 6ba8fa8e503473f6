namespace WebhookConsole.Features.Deliveries;

/// <summary>
/// Tells open consoles which deliveries were created or moved on, by id only: a listener loads what it shows itself.
/// With PostgreSQL, changes made on this node are passed on to the other nodes and theirs come back through
/// <see cref="PublishFromOtherNode"/> and <see cref="PublishManyFromOtherNode"/>. Publishing never waits on a
/// listener and never fails the caller.
/// </summary>
internal sealed class DeliveryChanges(ILogger<DeliveryChanges> logger)
{
    /// <summary>Deliveries changed, on this node or on another one.</summary>
    public event Action<IReadOnlyCollection<Guid>>? Changed;

    /// <summary>Deliveries changed that are not named (more than one message to the nodes holds, or news this node may have missed): a listener reloads what it shows.</summary>
    public event Action? ManyChanged;

    /// <summary>Only the deliveries changed on this node, for telling the other nodes.</summary>
    public event Action<IReadOnlyCollection<Guid>>? ChangedHere;

    public void Publish(Guid deliveryId) => Publish([deliveryId]);

    public void Publish(IReadOnlyCollection<Guid> deliveryIds)
    {
        if (deliveryIds.Count == 0)
        {
            return;
        }
        Raise(Changed, deliveryIds);
        Raise(ChangedHere, deliveryIds);
    }

    public void PublishFromOtherNode(IReadOnlyCollection<Guid> deliveryIds)
    {
        if (deliveryIds.Count > 0)
        {
            Raise(Changed, deliveryIds);
        }
    }

    public void PublishManyFromOtherNode()
    {
        foreach (var handler in ManyChanged?.GetInvocationList().Cast<Action>() ?? [])
        {
            try
            {
                handler();
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A delivery change listener failed");
            }
        }
    }

    private void Raise(Action<IReadOnlyCollection<Guid>>? handlers, IReadOnlyCollection<Guid> deliveryIds)
    {
        if (handlers is null)
        {
            return;
        }
        // One listener (the usual case: the relay to the other nodes, or one open page) costs no list of them.
        if (handlers.HasSingleTarget)
        {
            Call(handlers, deliveryIds);
            return;
        }
        foreach (var handler in handlers.GetInvocationList().Cast<Action<IReadOnlyCollection<Guid>>>())
        {
            Call(handler, deliveryIds);
        }
    }

    private void Call(Action<IReadOnlyCollection<Guid>> handler, IReadOnlyCollection<Guid> deliveryIds)
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
