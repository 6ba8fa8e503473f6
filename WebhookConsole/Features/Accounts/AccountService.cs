using Microsoft.EntityFrameworkCore;
using WebhookConsole.Api;
using WebhookConsole.Data;
using WebhookConsole.Features.Audit;

namespace WebhookConsole.Features.Accounts;

internal sealed class AccountService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, AuditLog audit)
{
    public const int MaxNameLength = 200;

    /// <summary>The default account, created on first start.</summary>
    public async Task<Account> EnsureDefaultAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Accounts.OrderBy(a => a.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (account is not null)
        {
            return account;
        }

        account = new Account { Id = Guid.CreateVersion7(), Name = Account.DefaultName, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Accounts.Add(account);
        audit.Record(db, AuditActions.AccountCreated, null, AuditSnapshot.Of(account));
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

    public async Task<Account?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    /// <summary>The account the admin last chose, if it still exists.</summary>
    public async Task<Account?> ChosenByAsync(string adminId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == adminId && u.SelectedAccountId != null)
            .Join(db.Accounts, u => u.SelectedAccountId, a => a.Id, (u, a) => a)
            .AsNoTracking().FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Remembers the admin's choice for the next page load.</summary>
    public async Task RememberChoiceAsync(string adminId, Guid accountId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == adminId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SelectedAccountId, accountId), cancellationToken);
    }

    public async Task<List<Account>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Accounts.AsNoTracking().OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>Creates an account, or fills <paramref name="errors"/> (field <c>name</c>) and returns null.</summary>
    public async Task<Account?> CreateAsync(string? name, FieldErrors errors, CancellationToken cancellationToken)
    {
        name = NameText.CheckRequired("name", name, MaxNameLength, errors);
        if (name is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Accounts.AnyAsync(a => a.Name == name, cancellationToken))
        {
            errors.Add("name", "unique", $"An account named '{name}' exists already.");
            return null;
        }
        var account = new Account { Id = Guid.CreateVersion7(), Name = name, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Accounts.Add(account);
        audit.Record(db, AuditActions.AccountCreated, null, AuditSnapshot.Of(account));
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }
}
