using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Dispatching;

/// <summary>
/// What one attempt changes: the attempt to store, where its delivery moves, and whether the webhook's failure
/// count resets (a success of a real delivery).
/// </summary>
internal sealed record AttemptOutcome(
    DeliveryAttempt Attempt,
    DeliveryStatus Status,
    string? LastError,
    DateTime? NextAttemptAt,
    DateTime? CompletedAt,
    bool ResetsFailures);
