namespace WebhookConsole.Features.Events;

/// <summary>One call event received from a call platform.</summary>
internal sealed class CallEvent
{
    /// <summary>Internal key; the public id is <see cref="EventId"/>.</summary>
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    /// <summary>The id posted with the event, or one the server made; unique per account.</summary>
    public string EventId { get; set; } = "";
    public string EventType { get; set; } = "";
    public Guid EnvironmentId { get; set; }
    public string EnvironmentName { get; set; } = "";
    public DateTime OccurredAt { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string DataJson { get; set; } = "{}";
}
