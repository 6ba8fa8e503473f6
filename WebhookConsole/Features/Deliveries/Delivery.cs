using WebhookConsole.Data.Paging;

namespace WebhookConsole.Features.Deliveries;

/// <summary>One event to one webhook. It is the outbox row: the dispatcher works from it, never from memory.</summary>
public sealed class Delivery : IPagedRow
{
    /// <summary>Also the <c>webhook-id</c> header, the same on every retry.</summary>
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public Guid CallEventId { get; set; }
    public Guid WebhookId { get; set; }
    // Copied from the event so the history filters need no join.
    public string EventType { get; set; } = "";
    public Guid EnvironmentId { get; set; }
    public DeliveryStatus Status { get; set; }
    public int AttemptCount { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public int? LastDurationMs { get; set; }
    /// <summary>When the next attempt is due; null once the delivery has ended.</summary>
    public DateTime? NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public Guid? ReplayOfId { get; set; }
    public bool IsTest { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    public bool IsFinished => Status is DeliveryStatus.Succeeded or DeliveryStatus.Failed;
}
