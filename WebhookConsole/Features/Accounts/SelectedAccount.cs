namespace WebhookConsole.Features.Accounts;

/// <summary>The account the console is showing, one per browser circuit; pages re-read their data when it changes.</summary>
internal sealed class SelectedAccount(AccountService accounts)
{
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    public event Func<Task>? Changed;

    /// <summary>Loads the default account the first time; later calls keep the selection.</summary>
    public async Task<Guid> EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (Id == Guid.Empty)
        {
            var account = await accounts.EnsureDefaultAsync(cancellationToken);
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
        if (Changed is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
            {
                await handler();
            }
        }
    }
}
