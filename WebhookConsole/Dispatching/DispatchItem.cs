namespace WebhookConsole.Dispatching;

/// <summary>
/// An entry of the <see cref="DispatchQueue"/>: a delivery id to lease, a delivery leased already, or a retry held in
/// memory that is leased without being loaded again.
/// </summary>
internal readonly record struct DispatchItem(Guid DeliveryId, LeasedDelivery? Leased, HeldRetry? Held = null);
