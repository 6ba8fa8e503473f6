using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace WebhookConsole.Features.Accounts;

/// <summary>
/// The account the console is showing, one per browser circuit; pages re-read their data when it changes. It starts
/// at the account the signed-in admin chose last (kept in the database, so a reload or a bookmark keeps it), else at
/// the default account.
/// </summary>
internal sealed class SelectedAccount(AccountService accounts, AuthenticationStateProvider authentication)
{
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>
    /// True while <see cref="FollowAsync"/> switches: the page that asked for it loads its object in the new account
    /// itself, so its own handler of <see cref="Changed"/> need not react (leave, or load again).
    /// </summary>
    public bool Following { get; private set; }

    public event Func<Task>? Changed;

    /// <summary>Loads the admin's last choice, or the default account, the first time; later calls keep the selection.</summary>
    public async Task<Guid> EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (Id == Guid.Empty)
        {
            var account = await AdminIdAsync() is { } adminId ? await accounts.ChosenByAsync(adminId, cancellationToken) : null;
            account ??= await accounts.EnsureDefaultAsync(cancellationToken);
            (Id, Name) = (account.Id, account.Name);
        }
        return Id;
    }

    public async Task SelectAsync(Account account)
    {
        if (account.Id == Id)
        {
            return;
        }
        (Id, Name) = (account.Id, account.Name);
        if (await AdminIdAsync() is { } adminId)
        {
            await accounts.RememberChoiceAsync(adminId, account.Id, CancellationToken.None);
        }
        if (Changed is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
            {
                await handler();
            }
        }
    }

    /// <summary>
    /// Selects the account a page's object belongs to when another one is selected (a bookmark or a link of another
    /// account's webhook or delivery); true when the selection changed.
    /// </summary>
    public async Task<bool> FollowAsync(Guid? accountId)
    {
        if (accountId is not { } id || id == await EnsureAsync() || await accounts.GetAsync(id, CancellationToken.None) is not { } account)
        {
            return false;
        }
        Following = true;
        try
        {
            await SelectAsync(account);
        }
        finally
        {
            Following = false;
        }
        return true;
    }

    private async Task<string?> AdminIdAsync() =>
        (await authentication.GetAuthenticationStateAsync()).User.FindFirstValue(ClaimTypes.NameIdentifier);
}
