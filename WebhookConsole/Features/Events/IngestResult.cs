namespace WebhookConsole.Features.Events;

/// <summary>The ingest answer; <see cref="Duplicate"/> when the event id had been seen before.</summary>
internal sealed record IngestResult(string EventId, IReadOnlyList<Guid> DeliveryIds, bool Duplicate);
