using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace WebhookConsole.Features.Events;

/// <summary>
/// The <c>data</c> of an event posted for ingest, for the OpenAPI document; <see cref="IngestRequestParser"/> reads the
/// request itself. Without an <c>id</c> the server makes one; without a <c>timestamp</c> the time received is used.
/// </summary>
internal sealed class IngestEventRequest
{
    [MaxLength(200)]
    public string? Id { get; init; }

    /// <summary>An event type of the catalogue.</summary>
    [MaxLength(200)]
    public required string Event { get; init; }

    /// <summary>The name of an environment of the account.</summary>
    [MaxLength(200)]
    public required string Environment { get; init; }

    /// <summary>When the event happened: ISO 8601, e.g. 2024-07-30T14:35:00Z; without Z or an offset, UTC.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    public JsonObject? Payload { get; init; }
}
