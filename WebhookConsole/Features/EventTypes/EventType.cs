namespace WebhookConsole.Features.EventTypes;

/// <summary>An entry of the event catalogue, shared by all accounts.</summary>
internal sealed class EventType
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string Source { get; set; } = "";
    public string SampleJson { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
