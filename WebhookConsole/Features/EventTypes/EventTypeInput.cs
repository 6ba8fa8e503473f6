namespace WebhookConsole.Features.EventTypes;

/// <summary>What an admin enters for an event type.</summary>
internal sealed record EventTypeInput(string? Name, string? Description, string? SampleJson);
