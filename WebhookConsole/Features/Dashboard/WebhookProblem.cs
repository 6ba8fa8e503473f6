namespace WebhookConsole.Features.Dashboard;

/// <summary>A webhook that is disabled, or still enabled but failing.</summary>
internal sealed record WebhookProblem(
    Guid WebhookId,
    string Name,
    string Url,
    bool Enabled,
    string? DisabledReason,
    int ConsecutiveFailures,
    int FailedInPeriod,
    DateTime? LastFailureAt,
    string? LastError);
