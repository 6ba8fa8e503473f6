namespace WebhookConsole.Features.Deliveries;

/// <summary>A delivery on the wire.</summary>
internal sealed record DeliveryResponse(
    Guid Id,
    string EventId,
    string Event,
    string Environment,
    Guid WebhookId,
    string Status,
    int Attempts,
    int? LastStatusCode,
    Guid? ReplayOf,
    bool Test,
    DateTime Created,
    DateTime Updated,
    DateTime? NextAttemptAt)
{
    public static DeliveryResponse From(DeliveryView view)
    {
        var d = view.Delivery;
        return new(d.Id, view.EventId, d.EventType, view.Environment, d.WebhookId, StatusName(d.Status), d.AttemptCount,
            d.LastStatusCode, d.ReplayOfId, d.IsTest, d.CreatedAt, d.UpdatedAt, d.NextAttemptAt);
    }

    public static string StatusName(DeliveryStatus status) => status.ToString().ToLowerInvariant();
}
