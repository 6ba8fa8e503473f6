namespace WebhookConsole.Features.Audit;

/// <summary>What the audit page narrows the log to; null or blank means any.</summary>
internal sealed record AuditFilter(string? EntityType = null, string? Action = null, string? Actor = null, string? Search = null);
