namespace WebhookConsole.Features.Deliveries;

/// <summary>One delivery with its event's payload and every attempt made for it, oldest first.</summary>
public sealed record DeliveryDetail(DeliveryView View, string PayloadJson, DateTime OccurredAt, IReadOnlyList<DeliveryAttempt> Attempts);
