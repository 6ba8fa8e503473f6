using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebhookConsole.Components.Shared;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Tokens;

namespace WebhookConsole.Components.Pages.Tokens;

public partial class TokensPage
{
    private List<ApiToken>? tokens;

    [Inject] private ApiTokenService Tokens { get; set; } = default!;
    [Inject] private SelectedAccount Selected { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Selected.Changed += ReloadAsync;
        await Selected.EnsureAsync();
        await LoadAsync();
    }

    private async Task LoadAsync() => tokens = await Tokens.ListAsync(Selected.Id, CancellationToken.None);

    private async Task ReloadAsync()
    {
        await LoadAsync();
        await InvokeAsync(StateHasChanged);
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<TokenCreateDialog>("New API token", new DialogParameters<TokenCreateDialog>
        {
            { d => d.AccountId, Selected.Id },
            { d => d.AccountName, Selected.Name },
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        await dialog.Result;
        await LoadAsync();
    }

    private async Task RevokeAsync(ApiToken token)
    {
        if (!await ConfirmDialog.AskAsync(Dialogs, "Revoke token", $"Scripts using '{token.Name}' will get 401 from now on.", "Revoke"))
        {
            return;
        }
        var revoked = await Tokens.RevokeAsync(Selected.Id, token.Id, CancellationToken.None);
        Snackbar.Add(revoked ? $"Token '{token.Name}' revoked" : "The token was revoked already", revoked ? Severity.Success : Severity.Info);
        await LoadAsync();
    }

    public void Dispose() => Selected.Changed -= ReloadAsync;
}
