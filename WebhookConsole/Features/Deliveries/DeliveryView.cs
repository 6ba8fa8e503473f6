namespace WebhookConsole.Features.Deliveries;

/// <summary>A delivery with what its event adds: the public event id and the environment's name.</summary>
public sealed record DeliveryView(Delivery Delivery, string EventId, string Environment);
