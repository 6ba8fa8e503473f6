using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WebhookConsole.Api;
using WebhookConsole.Data;
using WebhookConsole.Data.Paging;
using WebhookConsole.Dispatching;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Features.Audit;
using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Features.Webhooks;

/// <summary>
/// Webhooks of one account: the business rules behind the API and the console. Methods answer null
/// with <c>errors</c> filled when the input is invalid, and null with no errors when the webhook does
/// not exist in the account; a rejected change writes nothing.
/// </summary>
internal sealed class WebhookService(
    IDbContextFactory<AppDbContext> dbFactory,
    WebhookValidator validator,
    WebhookApplier applier,
    SecretProtector secrets,
    WebhookHealth health,
    TimeProvider time,
    AuditLog audit)
{
    public const string DeletedError = "webhook deleted";
    private static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);

    public async Task<List<WebhookEndpoint>> ListAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Webhooks.AsNoTracking().Where(w => w.AccountId == accountId)
            .OrderByDescending(w => w.CreatedAt).ThenByDescending(w => w.Id).ToListAsync(cancellationToken);
    }

    /// <summary>One page of the account's webhooks, newest first by (created, id), paged by key like the history.</summary>
    public async Task<Page<WebhookEndpoint>> PageAsync(Guid accountId, PageRequest page, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Webhooks.AsNoTracking().Where(w => w.AccountId == accountId)
            .After(page.StartKey).Take(page.PageSize + 1).ToListAsync(cancellationToken);
        return Page<WebhookEndpoint>.Of(rows, page.PageSize, NewestFirst.KeyOf);
    }

    public async Task<WebhookEndpoint?> GetAsync(Guid accountId, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Webhooks.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id && w.AccountId == accountId, cancellationToken);
    }

    /// <summary>The account the webhook belongs to, whichever it is; null when there is no such webhook.</summary>
    public async Task<Guid?> AccountIdOfAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Webhooks.Where(w => w.Id == id).Select(w => (Guid?)w.AccountId).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<WebhookSaved?> CreateAsync(Guid accountId, WebhookInput input, FieldErrors errors, CancellationToken cancellationToken)
    {
        await validator.ValidateAsync(input, complete: true, errors, cancellationToken);
        if (errors.Any)
        {
            return null;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var webhook = new WebhookEndpoint { Id = Guid.CreateVersion7(), AccountId = accountId, CreatedAt = now, UpdatedAt = now };
        var secret = applier.Apply(webhook, input, replace: true, isNew: true, errors);
        if (errors.Any)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Webhooks.Add(webhook);
        audit.Record(db, AuditActions.WebhookCreated, null, AuditSnapshot.Of(webhook));
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookSaved(webhook, secret);
    }

    /// <param name="replace">POST: the whole object, omitted fields back to defaults; PATCH: only the fields given.</param>
    public async Task<WebhookSaved?> UpdateAsync(Guid accountId, Guid id, WebhookInput input, bool replace, FieldErrors errors, CancellationToken cancellationToken)
    {
        await validator.ValidateAsync(input, complete: replace, errors, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var webhook = await db.Webhooks.SingleOrDefaultAsync(w => w.Id == id && w.AccountId == accountId, cancellationToken);
        if (webhook is null || errors.Any)
        {
            return null;
        }
        var wasEnabled = webhook.Enabled;
        var before = AuditSnapshot.Of(webhook);
        var secret = applier.Apply(webhook, input, replace, isNew: false, errors);
        if (errors.Any)
        {
            return null;
        }
        if (AuditSnapshot.SameExcept(before, AuditSnapshot.Of(webhook), "updated"))
        {
            // An edit that changes nothing (a script applying the same settings again) is no change: no new updated
            // time, no audit entry. A secret the client sends counts as a change, as it is encrypted anew.
            return new WebhookSaved(webhook, secret);
        }
        webhook.UpdatedAt = time.GetUtcNow().UtcDateTime;
        var after = AuditSnapshot.Of(webhook);
        audit.Record(db, AuditActions.ForWebhookEdit(before, after), before, after);
        if (!await db.SaveUnlessGoneAsync(cancellationToken))
        {
            return null;
        }
        if (wasEnabled && !webhook.Enabled)
        {
            await health.EndPendingRetriesAsync(webhook.Id, cancellationToken);
        }
        return new WebhookSaved(webhook, secret);
    }

    public Task<WebhookSaved?> SetEnabledAsync(Guid accountId, Guid id, bool enabled, CancellationToken cancellationToken) =>
        UpdateAsync(accountId, id, new WebhookInput { Fields = new HashSet<string> { WebhookFields.Enabled }, Enabled = enabled },
            replace: false, new FieldErrors(), cancellationToken);

    /// <summary>Makes a new secret; the old one keeps signing beside it for 24 hours where the scheme's header holds both (standard).</summary>
    public async Task<WebhookSaved?> RotateSecretAsync(Guid accountId, Guid id, FieldErrors errors, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var webhook = await db.Webhooks.SingleOrDefaultAsync(w => w.Id == id && w.AccountId == accountId, cancellationToken);
        if (webhook is null)
        {
            return null;
        }
        if (webhook.Signing == SigningScheme.None)
        {
            errors.Add(WebhookFields.Signing, "none", "this webhook is not signed (signing none), so it has no secret to rotate");
            return null;
        }
        var before = AuditSnapshot.Of(webhook);
        var now = time.GetUtcNow().UtcDateTime;
        var secret = WebhookSecrets.Generate(webhook.Signing);
        webhook.PreviousSecretProtected = webhook.SecretProtected;
        webhook.PreviousSecretExpiresAt = webhook.SecretProtected is null ? null : now + RotationOverlap;
        webhook.SecretProtected = secrets.Protect(secret);
        webhook.UpdatedAt = now;
        audit.Record(db, AuditActions.WebhookSecretRotated, before, AuditSnapshot.Of(webhook));
        if (!await db.SaveUnlessGoneAsync(cancellationToken))
        {
            return null;
        }
        return new WebhookSaved(webhook, secret);
    }

    /// <summary>Deletes the webhook and its subscriptions; its delivery history stays, its pending deliveries end.</summary>
    public async Task<WebhookEndpoint?> DeleteAsync(Guid accountId, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var webhook = await db.Webhooks.SingleOrDefaultAsync(w => w.Id == id && w.AccountId == accountId, cancellationToken);
        if (webhook is null)
        {
            return null;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.EnvironmentSubscriptions.Where(s => s.WebhookId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Deliveries
            .Where(d => d.WebhookId == id && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Retrying)
                && (d.LeaseUntil == null || d.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatus.Failed)
                .SetProperty(d => d.LastError, DeletedError)
                .SetProperty(d => d.NextAttemptAt, (DateTime?)null)
                .SetProperty(d => d.CompletedAt, now)
                .SetProperty(d => d.UpdatedAt, now), cancellationToken);
        db.Webhooks.Remove(webhook);
        audit.Record(db, AuditActions.WebhookDeleted, AuditSnapshot.Of(webhook), null);
        if (!await db.SaveUnlessGoneAsync(cancellationToken))
        {
            // Another request deleted it first; what this one changed meanwhile rolls back with the transaction.
            return null;
        }
        await transaction.CommitAsync(cancellationToken);
        return webhook;
    }
}
