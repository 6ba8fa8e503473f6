using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebhookConsole.Data;
using WebhookConsole.Features.Audit;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Disables a dead webhook: after too many deliveries in a row ended failed, or at once on a 410. Every change is a
/// conditional UPDATE, so concurrent workers (or nodes) never lose a count or disable twice.
/// </summary>
internal sealed class WebhookHealth(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptionsMonitor<DispatcherOptions> options,
    TimeProvider time,
    ILogger<WebhookHealth> logger,
    AuditLog audit,
    WebhookSetupChanges setupChanges)
{
    public const string DisabledError = "webhook disabled";

    /// <summary>
    /// A success resets the count. Meant to run inside the transaction that records the attempt, so a
    /// delivery costs one write transaction, not two; when there is nothing to reset it writes nothing.
    /// </summary>
    public static Task ResetFailuresAsync(AppDbContext db, Guid webhookId, CancellationToken cancellationToken) =>
        db.Webhooks
            .Where(w => w.Id == webhookId && w.ConsecutiveFailures != 0)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.ConsecutiveFailures, 0), cancellationToken);

    /// <summary>
    /// Disables the webhook once its count of deliveries failed in a row reaches the threshold; the count itself
    /// grows in the transaction that records the failed attempt (<see cref="AttemptWriter"/>).
    /// </summary>
    public async Task DisableIfFailingAsync(Guid webhookId, string lastError, CancellationToken cancellationToken)
    {
        var threshold = options.CurrentValue.DisableAfterFailures;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reason = $"{threshold} deliveries in a row failed; last: {Truncate(lastError, 300)}";
        await DisableWhereAsync(db, db.Webhooks.Where(w => w.Id == webhookId && w.Enabled && w.ConsecutiveFailures >= threshold), webhookId, reason, cancellationToken);
    }

    /// <summary>Disables the webhook at once (a 410 Gone) and ends its pending retries.</summary>
    public async Task DisableAsync(Guid webhookId, string reason, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await DisableWhereAsync(db, db.Webhooks.Where(w => w.Id == webhookId && w.Enabled), webhookId, reason, cancellationToken);
    }

    /// <summary>Disables the webhook if <paramref name="match"/> still selects it; only the node that flips it ends the retries and logs.</summary>
    private async Task DisableWhereAsync(AppDbContext db, IQueryable<WebhookEndpoint> match, Guid webhookId, string reason, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var disabled = await match.ExecuteUpdateAsync(s => s
            .SetProperty(w => w.Enabled, false)
            .SetProperty(w => w.DisabledReason, reason)
            .SetProperty(w => w.UpdatedAt, time.GetUtcNow().UtcDateTime), cancellationToken);
        if (disabled > 0)
        {
            await RecordDisabledAsync(db, webhookId, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        if (disabled > 0)
        {
            // Ingest stops routing events to it at once (an UPDATE of its own passes no save interceptor).
            setupChanges.Announce();
            await EndPendingAsync(db, webhookId, cancellationToken);
            logger.LogWarning("Disabled webhook {WebhookId}: {Reason}", webhookId, reason);
        }
    }

    /// <summary>Audits the switch-off as the system's, in the transaction that made it.</summary>
    private async Task RecordDisabledAsync(AppDbContext db, Guid webhookId, CancellationToken cancellationToken)
    {
        var webhook = await db.Webhooks.AsNoTracking().SingleAsync(w => w.Id == webhookId, cancellationToken);
        var after = AuditSnapshot.Of(webhook);
        // The update matched only an enabled webhook, and an enabled webhook has no disabled reason.
        var before = AuditSnapshot.Of(webhook);
        before.Json["enabled"] = true;
        before.Json["disabled_reason"] = null;
        before.Json.Remove("updated");
        audit.Record(db, AuditActions.WebhookDisabled, before, after, AuditActor.System);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Ends the pending retries of a webhook an admin has just disabled.</summary>
    public async Task EndPendingRetriesAsync(Guid webhookId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EndPendingAsync(db, webhookId, cancellationToken);
    }

    /// <summary>Pending retries of a disabled webhook end failed; one in flight ends when its worker sees the webhook disabled.</summary>
    private async Task EndPendingAsync(AppDbContext db, Guid webhookId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Deliveries
            .Where(d => d.WebhookId == webhookId && !d.IsTest
                && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Retrying)
                && (d.LeaseUntil == null || d.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatus.Failed)
                .SetProperty(d => d.LastError, DisabledError)
                .SetProperty(d => d.NextAttemptAt, (DateTime?)null)
                .SetProperty(d => d.CompletedAt, now)
                .SetProperty(d => d.UpdatedAt, now), cancellationToken);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
