namespace WebhookConsole.Features.Audit;

/// <summary>One top-level field of an audited entity, before and after, as indented JSON (null when absent).</summary>
internal sealed record AuditFieldChange(string Field, string? Before, string? After)
{
    public bool Changed => Before != After;
}
