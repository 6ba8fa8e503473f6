using System.Text.Json.Nodes;

namespace WebhookConsole.Features.EventTypes;

/// <summary>A catalogue entry on the wire.</summary>
internal sealed record EventTypeResponse(string Name, string Description, JsonObject Sample)
{
    public static EventTypeResponse From(EventType type) =>
        new(type.Name, type.Description, JsonNode.Parse(type.SampleJson) as JsonObject ?? []);
}
