namespace WebhookConsole.Features.Audit;

/// <summary>
/// One page of the audit log, newest first, and how many entries match in all; when a search looked only through the
/// newer part of the log, <paramref name="SearchedFrom"/> is the time it reached back to and the total counts from then on.
/// </summary>
internal sealed record AuditEntryPage(IReadOnlyList<AuditEntry> Items, int Total, DateTime? SearchedFrom = null);
