namespace WebhookConsole.Features.Audit;

/// <summary>One page of the audit log, newest first, and how many entries match in all.</summary>
internal sealed record AuditEntryPage(IReadOnlyList<AuditEntry> Items, int Total);
