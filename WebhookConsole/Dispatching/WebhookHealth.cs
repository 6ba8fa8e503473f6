using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebhookConsole.Data;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Switches a dead webhook off: after too many deliveries in a row ended failed, or at once on a 410. The switch-off
/// itself and its audit entry are written with the failed attempt, in its transaction (<see cref="AttemptWriter"/>),
/// so no crash keeps the one without the others; what follows it (the news to the caches, the pending retries
/// ended) runs after the commit, once, for the attempt whose transaction switched the webhook off.
/// </summary>
internal sealed class WebhookHealth(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptionsMonitor<DispatcherOptions> options,
    TimeProvider time,
    ILogger<WebhookHealth> logger,
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

    /// <summary>When a delivery that ended failed switches its webhook off: at once on a 410, else at the threshold.</summary>
    public WebhookDisable DisableFor(int? statusCode, string lastError)
    {
        if (statusCode == StatusCodes.Status410Gone)
        {
            return new WebhookDisable("the receiver answered 410 Gone", 0);
        }
        var threshold = options.CurrentValue.DisableAfterFailures;
        return new WebhookDisable($"{threshold} deliveries in a row failed; last: {Truncate(lastError, 300)}", threshold);
    }

    /// <summary>
    /// What follows a switch-off the attempt's transaction has committed. A crash before it is made good without
    /// it: ingest's routes and the dispatcher's webhooks are cached for seconds only (<see cref="WebhookCache.Lifetime"/>,
    /// <see cref="Features.Events.IngestRouteCache.Lifetime"/>), and each pending retry ends
    /// when its worker finds the webhook disabled.
    /// </summary>
    public async Task AfterDisabledAsync(Guid webhookId, string reason, CancellationToken cancellationToken)
    {
        // Ingest stops routing events to it at once (an UPDATE of its own passes no save interceptor).
        setupChanges.Announce();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EndPendingAsync(db, webhookId, cancellationToken);
        logger.LogWarning("Disabled webhook {WebhookId}: {Reason}", webhookId, reason);
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
