namespace WebhookConsole.Features.Dashboard;

/// <summary>A webhook that is disabled, or still enabled but failing.</summary>
public sealed record WebhookProblem(
    Guid WebhookId,
    string Name,
    string Url,
    bool Enabled,
    string? DisabledReason,
    int ConsecutiveFailures,
    int FailedInPeriod,
    DateTime? LastFailureAt,
    string? LastError);
