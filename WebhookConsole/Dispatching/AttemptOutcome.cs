using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Dispatching;

/// <summary>
/// What one attempt changes: the attempt to store, where its delivery moves, what becomes of the webhook's
/// count of deliveries failed in a row, and whether that switches the webhook off. The attempt is stored in any
/// case; the move, the count and the switch-off only by the node still holding the delivery's lease, in the same
/// transaction.
/// </summary>
internal sealed record AttemptOutcome(
    DeliveryAttempt Attempt,
    DeliveryStatus Status,
    string? LastError,
    DateTime? NextAttemptAt,
    DateTime? CompletedAt,
    FailureCountChange FailureCount,
    WebhookDisable? Disable);
