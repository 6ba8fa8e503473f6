using Microsoft.EntityFrameworkCore;
using WebhookConsole.Api;
using WebhookConsole.Data;
using WebhookConsole.Data.Paging;
using WebhookConsole.Features.Audit;

namespace WebhookConsole.Features.Environments;

/// <summary>
/// Environments of one account and the webhooks each subscribes to. Names are unique per account and
/// case-sensitive. Methods answer null with <c>errors</c> filled when the input is invalid, and null with
/// no errors when the environment is not in the account.
/// </summary>
internal sealed class EnvironmentService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, AuditLog audit)
{
    public async Task<List<WebhookEnvironment>> ListAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Environments.AsNoTracking().Include(e => e.Subscriptions)
            .Where(e => e.AccountId == accountId).OrderBy(e => e.Name).ToListAsync(cancellationToken);
    }

    /// <summary>One page of the account's environments, newest first by (created, id), paged by key like the history.</summary>
    public async Task<Page<WebhookEnvironment>> PageAsync(Guid accountId, PageRequest page, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Environments.AsNoTracking().Where(e => e.AccountId == accountId)
            .After(page.StartKey).Take(page.PageSize + 1).Include(e => e.Subscriptions).ToListAsync(cancellationToken);
        return Page<WebhookEnvironment>.Of(rows, page.PageSize, NewestFirst.KeyOf);
    }

    public async Task<WebhookEnvironment?> GetAsync(Guid accountId, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Environments.AsNoTracking().Include(e => e.Subscriptions)
            .SingleOrDefaultAsync(e => e.Id == id && e.AccountId == accountId, cancellationToken);
    }

    public async Task<WebhookEnvironment?> CreateAsync(Guid accountId, EnvironmentInput input, FieldErrors errors, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var environment = new WebhookEnvironment { Id = Guid.CreateVersion7(), AccountId = accountId, CreatedAt = now, UpdatedAt = now };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await ApplyAsync(db, environment, input, replace: true, errors, cancellationToken))
        {
            return null;
        }
        db.Environments.Add(environment);
        audit.Record(db, AuditActions.EnvironmentCreated, null, AuditSnapshot.Of(environment));
        return await SaveAsync(db, environment, creating: true, errors, cancellationToken);
    }

    /// <param name="replace">POST: name required, <c>webhooks</c> omitted means none; PATCH: only the fields given.</param>
    public async Task<WebhookEnvironment?> UpdateAsync(Guid accountId, Guid id, EnvironmentInput input, bool replace, FieldErrors errors, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var environment = await db.Environments.Include(e => e.Subscriptions)
            .SingleOrDefaultAsync(e => e.Id == id && e.AccountId == accountId, cancellationToken);
        var before = environment is null ? null : AuditSnapshot.Of(environment);
        if (environment is null || !await ApplyAsync(db, environment, input, replace, errors, cancellationToken))
        {
            return null;
        }
        if (AuditSnapshot.SameExcept(before!, AuditSnapshot.Of(environment), "updated"))
        {
            // An edit that changes nothing (a script applying the same settings again) is no change: no new updated
            // time, no audit entry.
            return environment;
        }
        environment.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Record(db, AuditActions.EnvironmentUpdated, before, AuditSnapshot.Of(environment));
        return await SaveAsync(db, environment, creating: false, errors, cancellationToken);
    }

    /// <summary>Deletes the environment and its subscriptions; events already received keep its name.</summary>
    public async Task<WebhookEnvironment?> DeleteAsync(Guid accountId, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var environment = await db.Environments.Include(e => e.Subscriptions)
            .SingleOrDefaultAsync(e => e.Id == id && e.AccountId == accountId, cancellationToken);
        if (environment is null)
        {
            return null;
        }
        db.Environments.Remove(environment);
        audit.Record(db, AuditActions.EnvironmentDeleted, AuditSnapshot.Of(environment), null);
        return await db.SaveUnlessGoneAsync(cancellationToken) ? environment : null;
    }

    private static async Task<bool> ApplyAsync(AppDbContext db, WebhookEnvironment environment, EnvironmentInput input, bool replace, FieldErrors errors, CancellationToken cancellationToken)
    {
        var name = NameText.Check(EnvironmentInputParser.Name, input.Name, errors);
        if ((replace || input.Has(EnvironmentInputParser.Name)) && !errors.Has(EnvironmentInputParser.Name))
        {
            if (string.IsNullOrEmpty(name))
            {
                errors.Add(EnvironmentInputParser.Name, "required", "name is required");
            }
            else if (name != environment.Name && await NameTakenAsync(db, environment, name, cancellationToken))
            {
                errors.Add(EnvironmentInputParser.Name, "unique", $"this account already has an environment named '{name}'");
            }
        }
        var webhookIds = input.Webhooks ?? [];
        if (webhookIds.Count > 0)
        {
            var known = await db.Webhooks.Where(w => w.AccountId == environment.AccountId && webhookIds.Contains(w.Id))
                .Select(w => w.Id).ToListAsync(cancellationToken);
            var unknown = webhookIds.Except(known).ToList();
            if (unknown.Count > 0)
            {
                errors.Add(EnvironmentInputParser.Webhooks, "unknown", $"this account has no webhook {string.Join(", ", unknown)}");
            }
        }
        if (errors.Any)
        {
            return false;
        }
        if (replace || input.Has(EnvironmentInputParser.Name))
        {
            environment.Name = name!;
        }
        if (replace || input.Has(EnvironmentInputParser.Webhooks))
        {
            environment.Subscriptions.RemoveAll(s => !webhookIds.Contains(s.WebhookId));
            environment.Subscriptions.AddRange(webhookIds
                .Where(id => environment.Subscriptions.All(s => s.WebhookId != id))
                .Select(id => new EnvironmentSubscription { EnvironmentId = environment.Id, WebhookId = id }));
        }
        return true;
    }

    private async Task<WebhookEnvironment?> SaveAsync(AppDbContext db, WebhookEnvironment environment, bool creating, FieldErrors errors, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return environment;
        }
        catch (DbUpdateException)
        {
            // The checks passed, then another request changed the account before this save: say what it changed.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!creating && !await fresh.Environments.AnyAsync(e => e.Id == environment.Id, cancellationToken))
            {
                return null;
            }
            if (await NameTakenAsync(fresh, environment, environment.Name, cancellationToken))
            {
                errors.Add(EnvironmentInputParser.Name, "unique", $"this account already has an environment named '{environment.Name}'");
                return null;
            }
            var webhookIds = environment.Subscriptions.Select(s => s.WebhookId).ToList();
            var known = await fresh.Webhooks.Where(w => webhookIds.Contains(w.Id)).Select(w => w.Id).ToListAsync(cancellationToken);
            var gone = webhookIds.Except(known).ToList();
            if (gone.Count > 0)
            {
                errors.Add(EnvironmentInputParser.Webhooks, "unknown", $"this account has no webhook {string.Join(", ", gone)}");
                return null;
            }
            throw;
        }
    }

    /// <summary>Whether another environment of the account has <paramref name="name"/>.</summary>
    private static Task<bool> NameTakenAsync(AppDbContext db, WebhookEnvironment environment, string name, CancellationToken cancellationToken) =>
        db.Environments.AnyAsync(e => e.AccountId == environment.AccountId && e.Name == name && e.Id != environment.Id, cancellationToken);
}
