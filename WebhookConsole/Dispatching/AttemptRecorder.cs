using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Stores an attempt and moves its delivery on (succeeded, retrying at a time, or failed) in one
/// transaction; then updates the webhook's health and schedules the retry.
/// </summary>
internal sealed class AttemptRecorder(
    IDbContextFactory<AppDbContext> dbFactory,
    RetryPolicy retryPolicy,
    WebhookHealth health,
    DeliveryScheduler scheduler,
    TimeProvider time)
{
    private const int MaxErrorLength = 2000;

    public async Task RecordAsync(Delivery delivery, WebhookEndpoint webhook, OutgoingRequest request, SendResult result, CancellationToken cancellationToken)
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

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Attempts.Add(new DeliveryAttempt
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
                ResponseBody = result.ResponseBody,
                Error = Truncate(result.Error),
                DurationMs = result.DurationMs,
                CreatedAt = now,
            });

            var row = new Delivery { Id = delivery.Id };
            db.Deliveries.Attach(row);
            row.Status = status;
            row.AttemptCount = number;
            row.LastStatusCode = result.StatusCode;
            row.LastError = Truncate(error);
            row.LastDurationMs = result.DurationMs;
            row.NextAttemptAt = retryIn is { } wait ? now + wait : null;
            row.CompletedAt = status is DeliveryStatus.Succeeded or DeliveryStatus.Failed ? now : null;
            row.LeaseOwner = null;
            row.LeaseUntil = null;
            row.UpdatedAt = now;
            MarkModified(db, row);
            await db.SaveChangesAsync(cancellationToken);
            if (status == DeliveryStatus.Succeeded && !delivery.IsTest)
            {
                await WebhookHealth.ResetFailuresAsync(db, webhook.Id, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }

        if (retryIn is { } delay)
        {
            scheduler.Schedule(delivery.Id, delay);
        }
        if (delivery.IsTest)
        {
            return;
        }
        if (result.StatusCode == StatusCodes.Status410Gone)
        {
            await health.DisableAsync(webhook.Id, "the receiver answered 410 Gone", cancellationToken);
        }
        else if (status == DeliveryStatus.Failed)
        {
            await health.DeliveryFailedAsync(webhook.Id, error ?? "failed", cancellationToken);
        }
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

    private static void MarkModified(AppDbContext db, Delivery row)
    {
        var entry = db.Entry(row);
        foreach (var property in new[]
        {
            nameof(Delivery.Status), nameof(Delivery.AttemptCount), nameof(Delivery.LastStatusCode), nameof(Delivery.LastError),
            nameof(Delivery.LastDurationMs), nameof(Delivery.NextAttemptAt), nameof(Delivery.CompletedAt),
            nameof(Delivery.LeaseOwner), nameof(Delivery.LeaseUntil), nameof(Delivery.UpdatedAt),
        })
        {
            entry.Property(property).IsModified = true;
        }
    }

    private static string? Truncate(string? text) =>
        text is null || text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}
