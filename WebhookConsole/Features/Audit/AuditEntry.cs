namespace WebhookConsole.Features.Audit;

/// <summary>One change to the configuration: who made it, when, and the entity before and after (secrets masked).</summary>
internal sealed class AuditEntry
{
    public Guid Id { get; set; }
    /// <summary>The account the change belongs to; null for what all accounts share (the event catalogue).</summary>
    public Guid? AccountId { get; set; }
    public DateTime OccurredAt { get; set; }
    /// <summary>An admin's email, <c>token:&lt;name&gt;</c> for the API, or <c>system</c>.</summary>
    public string Actor { get; set; } = "";
    /// <summary>E.g. <c>webhook.updated</c>; see <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";
    /// <summary>E.g. <c>webhook</c>; see <see cref="AuditEntityTypes"/>.</summary>
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>The entity's name at the time, so the log reads well after the entity is gone.</summary>
    public string? EntityName { get; set; }
    /// <summary>A JSON object, or null when the change created the entity.</summary>
    public string? BeforeJson { get; set; }
    /// <summary>A JSON object, or null when the change deleted the entity.</summary>
    public string? AfterJson { get; set; }
}
