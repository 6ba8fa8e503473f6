using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Events;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Decides where an attempt moves its delivery (succeeded, retrying at a time, or failed), stores the attempt, the
/// move, the webhook's failure count and its switch-off (a 410, or one failure too many) in one transaction
/// (<see cref="AttemptWriter"/>); then schedules the retry and tells the rest of the app of a switch-off.
/// </summary>
internal sealed class AttemptRecorder(
    IDbContextFactory<AppDbContext> dbFactory,
    AttemptWriter writer,
    RetryPolicy retryPolicy,
    WebhookHealth health,
    DeliveryScheduler scheduler,
    NodeIdentity node,
    TimeProvider time,
    ILogger<AttemptRecorder> logger,
    DeliveryChanges changes)
{
    private const int MaxErrorLength = 2000;

    /// <summary>
    /// Records an attempt of <paramref name="delivery"/>. A retry it schedules is held with <paramref name="callEvent"/>
    /// and the delivery itself, which is moved on in memory as in the database, so it is not loaded again when due.
    /// </summary>
    public async Task RecordAsync(
        Delivery delivery, WebhookEndpoint webhook, CallEvent? callEvent, OutgoingRequest request, SendResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var number = delivery.AttemptCount + 1;
        var error = result.Error ?? (result.Succeeded ? null : $"receiver answered {result.StatusCode}");
        TimeSpan? retryIn = null;
        DeliveryStatus status;
        if (result.Succeeded)
        {
            status = DeliveryStatus.Succeeded;
        }
        else if (result.StatusCode == StatusCodes.Status410Gone || delivery.IsTest || number > webhook.Retries)
        {
            status = DeliveryStatus.Failed;
        }
        else
        {
            status = DeliveryStatus.Retrying;
            retryIn = retryPolicy.DelayBefore(number, result.StatusCode, result.RetryAfter);
        }

        DateTime? nextAttemptAt = retryIn is { } wait ? now + wait : null;
        DateTime? completedAt = status is DeliveryStatus.Succeeded or DeliveryStatus.Failed ? now : null;
        var attempt = new DeliveryAttempt
        {
            Id = Guid.CreateVersion7(),
            DeliveryId = delivery.Id,
            WebhookId = webhook.Id,
            AccountId = delivery.AccountId,
            Number = number,
            RequestMethod = request.Method,
            RequestUrl = request.Url,
            RequestHeadersJson = JsonSerializer.Serialize(request.Headers.ToDictionary(h => h.Key, h => HeaderMasking.Value(h.Key, h.Value), StringComparer.OrdinalIgnoreCase)),
            RequestBody = request.Body,
            StatusCode = result.StatusCode,
            ResponseHeadersJson = result.ResponseHeaders is null ? null : JsonSerializer.Serialize(result.ResponseHeaders),
            ResponseBody = Storable(result.ResponseBody),
            Error = Truncate(result.Error),
            DurationMs = result.DurationMs,
            SentBy = node.Name,
            CreatedAt = now,
        };
        // Counted in the attempt's own transaction, so no crash can store a failed delivery without its count. The
        // webhook may come from a cache, so its count is not trusted: the reset is a conditional UPDATE that writes
        // nothing when there are no failures.
        var failureCount = delivery.IsTest ? FailureCountChange.None : status switch
        {
            DeliveryStatus.Succeeded => FailureCountChange.Reset,
            DeliveryStatus.Failed => FailureCountChange.Increment,
            _ => FailureCountChange.None,
        };
        // A delivery that ends failed may switch its webhook off, in the same transaction: a crash right after the
        // commit cannot leave a 410 (or the failure that reaches the threshold) stored with the webhook still on.
        var disable = failureCount == FailureCountChange.Increment ? health.DisableFor(result.StatusCode, error ?? "failed") : null;
        var outcome = new AttemptOutcome(attempt, status, Truncate(error), nextAttemptAt, completedAt, failureCount, disable);
        var written = await writer.WriteAsync(outcome);
        changes.Publish(delivery.Id);
        if (!written.Owned)
        {
            logger.LogWarning("Delivery {DeliveryId}: the lease expired during the attempt and another node holds it now", delivery.Id);
            return;
        }

        if (nextAttemptAt is { } due)
        {
            scheduler.Schedule(delivery.Id, due, callEvent is null ? null : new HeldRetry(MovedOn(delivery, outcome), callEvent));
        }
        if (written.DisabledWebhook)
        {
            await health.AfterDisabledAsync(webhook.Id, disable!.Reason, cancellationToken);
        }
    }

    /// <summary>The delivery as <paramref name="outcome"/>'s commit left its row (see <see cref="AttemptWriter"/>), in place.</summary>
    private static Delivery MovedOn(Delivery delivery, AttemptOutcome outcome)
    {
        delivery.Status = outcome.Status;
        delivery.AttemptCount = outcome.Attempt.Number;
        delivery.LastStatusCode = outcome.Attempt.StatusCode;
        delivery.LastError = outcome.LastError;
        delivery.LastDurationMs = outcome.Attempt.DurationMs;
        delivery.NextAttemptAt = outcome.NextAttemptAt;
        delivery.CompletedAt = outcome.CompletedAt;
        delivery.LeaseOwner = null;
        delivery.LeaseUntil = null;
        delivery.UpdatedAt = outcome.Attempt.CreatedAt;
        return delivery;
    }

    /// <summary>Ends a delivery that cannot be attempted (webhook deleted or disabled, request unbuildable).</summary>
    public async Task EndWithoutAttemptAsync(Guid deliveryId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Deliveries
            .Where(d => d.Id == deliveryId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatus.Failed)
                .SetProperty(d => d.LastError, Truncate(reason))
                .SetProperty(d => d.NextAttemptAt, (DateTime?)null)
                .SetProperty(d => d.CompletedAt, now)
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LeaseUntil, (DateTime?)null)
                .SetProperty(d => d.UpdatedAt, now), cancellationToken);
    }

    /// <summary>Gives a leased delivery back untouched, so any node may take it now.</summary>
    public async Task ReleaseLeaseAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Deliveries
            .Where(d => d.Id == deliveryId && d.LeaseOwner == node.Name)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LeaseUntil, (DateTime?)null), cancellationToken);
    }

    private static string? Truncate(string? text) =>
        Storable(text is null || text.Length <= MaxErrorLength ? text : text[..MaxErrorLength]);

    /// <summary>
    /// The receiver's text as every provider stores it: PostgreSQL's text refuses U+0000, which a binary body (or
    /// an error quoting a receiver's status line) may hold, so it is shown as U+FFFD, as bytes that are not UTF-8 are.
    /// </summary>
    private static string? Storable(string? text) => text?.Replace('\0', '\uFFFD');
}
