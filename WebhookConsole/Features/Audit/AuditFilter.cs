namespace WebhookConsole.Features.Audit;

/// <summary>
/// What the audit page narrows the log to; null or blank means any. <paramref name="Since"/> keeps the entries from
/// then on, as a search does once it reached as far back as it looks.
/// </summary>
internal sealed record AuditFilter(string? EntityType = null, string? Action = null, string? Actor = null, string? Search = null, DateTime? Since = null);
