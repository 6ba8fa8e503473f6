using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using WebhookConsole.Api;
using WebhookConsole.Components.Shared;
using WebhookConsole.Features.Accounts;

namespace WebhookConsole.Components.Pages.Accounts;

public partial class AccountsPage
{
    [Inject] private AccountService Accounts { get; set; } = default!;
    [Inject] private SelectedAccount Selected { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private List<WebhookConsole.Features.Accounts.Account>? accounts;
    private string newName = "";
    private string? error;
    private bool busy;

    /// <summary>
    /// Nothing typed, nothing to create: the second click of a double click, which arrives once the first has created the
    /// account and emptied the field, would otherwise flag the empty field right under the confirmation.
    /// </summary>
    private bool CannotCreate => busy || string.IsNullOrEmpty(newName);

    protected override async Task OnInitializedAsync()
    {
        // A switch in the top bar moves the "Selected" mark.
        Selected.Changed += SelectionChangedAsync;
        await Selected.EnsureAsync();
        accounts = await Accounts.ListAsync(CancellationToken.None);
    }

    // Enter in the name creates the account, as in the dialogs that take a name.
    private async Task KeyUpAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await CreateAsync();
        }
    }

    private async Task CreateAsync()
    {
        if (CannotCreate)
        {
            return;
        }
        busy = true;
        var errors = new FieldErrors();
        var account = await Accounts.CreateAsync(newName, errors, CancellationToken.None);
        busy = false;
        error = account is null ? FieldMessage.Sentence(errors.Items["name"].Values.First()) : null;
        if (account is null)
        {
            return;
        }
        newName = "";
        Snackbar.Add($"Account '{account.Name}' created", Severity.Success);
        accounts = await Accounts.ListAsync(CancellationToken.None);
    }

    private Task SelectionChangedAsync() => InvokeAsync(StateHasChanged);

    public void Dispose() => Selected.Changed -= SelectionChangedAsync;
}
