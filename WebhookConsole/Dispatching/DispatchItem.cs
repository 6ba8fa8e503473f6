namespace WebhookConsole.Dispatching;

/// <summary>An entry of the <see cref="DispatchQueue"/>: a delivery id to lease, or a delivery leased already.</summary>
internal readonly record struct DispatchItem(Guid DeliveryId, LeasedDelivery? Leased);
