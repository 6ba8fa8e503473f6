using System.Text.Json.Nodes;

namespace WebhookConsole.Features.Events;

/// <summary>A validated <c>POST .../events</c> body.</summary>
internal sealed record IngestRequest(string? Id, string Event, string Environment, DateTime? Timestamp, JsonObject Payload);
