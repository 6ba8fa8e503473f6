namespace WebhookConsole.Features.Events;

/// <summary>Wire DTO: <c>{"event_id": "...", "delivery_ids": ["..."]}</c>.</summary>
internal sealed record IngestResponse(string EventId, IReadOnlyList<Guid> DeliveryIds);
