namespace WebhookConsole.Features.EventTypes;

/// <summary>
/// A built-in catalogue entry: the event's name as its vendor spells it, a one-sentence description,
/// the vendor it comes from, and a sample of the event's data (a JSON object).
/// </summary>
internal sealed record EventTypeSeed(string Name, string Description, string Source, string SampleJson);
