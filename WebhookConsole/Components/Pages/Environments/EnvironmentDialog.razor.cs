using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using WebhookConsole.Api;
using WebhookConsole.Components.Shared;
using WebhookConsole.Features.Environments;

namespace WebhookConsole.Components.Pages.Environments;

public partial class EnvironmentDialog
{
    private string name = "";
    private string? nameError;
    private string? otherError;
    private bool busy;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private EnvironmentService Environments { get; set; } = default!;
    [Parameter] public Guid AccountId { get; set; }
    /// <summary>The environment to rename; null to create one.</summary>
    [Parameter] public Guid? EnvironmentId { get; set; }
    [Parameter] public string CurrentName { get; set; } = "";

    /// <summary>Shows the dialog; answers the saved environment, or null when cancelled.</summary>
    internal static async Task<WebhookEnvironment?> ShowAsync(IDialogService dialogs, Guid accountId, WebhookEnvironment? existing)
    {
        var dialog = await dialogs.ShowAsync<EnvironmentDialog>(existing is null ? "New environment" : $"Rename {existing.Name}",
            new DialogParameters<EnvironmentDialog>
            {
                { d => d.AccountId, accountId },
                { d => d.EnvironmentId, existing?.Id },
                { d => d.CurrentName, existing?.Name ?? "" },
            },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: WebhookEnvironment saved } ? saved : null;
    }

    protected override void OnInitialized() => name = CurrentName;

    private async Task KeyUpAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await SaveAsync();
        }
    }

    private async Task SaveAsync()
    {
        if (busy)
        {
            return;
        }
        busy = true;
        // Only the name changes here: subscriptions are edited apart, and kept by a rename.
        var input = new EnvironmentInput { Fields = new HashSet<string> { EnvironmentInputParser.Name }, Name = name.Trim() };
        var errors = new FieldErrors();
        WebhookEnvironment? saved;
        await using (await DialogHold.StartAsync(Dialog))
        {
            saved = EnvironmentId is { } id
                ? await Environments.UpdateAsync(AccountId, id, input, replace: false, errors, CancellationToken.None)
                : await Environments.CreateAsync(AccountId, input, errors, CancellationToken.None);
        }
        busy = false;
        nameError = errors.Items.TryGetValue(EnvironmentInputParser.Name, out var rules) ? string.Join(" ", rules.Values.Select(FieldMessage.Sentence)) : null;
        otherError = saved is null && nameError is null
            ? errors.Any ? errors.Summary() : "This environment no longer exists."
            : null;
        if (saved is not null)
        {
            Dialog.Close(DialogResult.Ok(saved));
        }
    }
}
