using System.Text.Json.Nodes;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>Everything a body template can see: the event's data and the delivery's metadata.</summary>
internal sealed record TemplateInput(
    string EventType,
    string EventId,
    DateTime Timestamp,
    string EnvironmentName,
    string AccountId,
    string WebhookId,
    string DeliveryId,
    JsonObject Data,
    JsonObject? CustomData);
