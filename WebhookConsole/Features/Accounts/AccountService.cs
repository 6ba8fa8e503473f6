using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;

namespace WebhookConsole.Features.Accounts;

internal sealed class AccountService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
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
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }
}
