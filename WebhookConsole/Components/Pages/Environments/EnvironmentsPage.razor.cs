using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebhookConsole.Components.Shared;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Environments;

namespace WebhookConsole.Components.Pages.Environments;

public partial class EnvironmentsPage
{
    private List<WebhookEnvironment>? environments;
    /// <summary>The environment whose subscriptions are being edited, if any.</summary>
    private WebhookEnvironment? selected;

    [Inject] private EnvironmentService Environments { get; set; } = default!;
    [Inject] private SelectedAccount Selected { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Selected.Changed += AccountChangedAsync;
        await Selected.EnsureAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        environments = await Environments.ListAsync(Selected.Id, CancellationToken.None);
        selected = selected is null ? null : environments.FirstOrDefault(e => e.Id == selected.Id);
    }

    private async Task AccountChangedAsync()
    {
        selected = null;
        await LoadAsync();
        await InvokeAsync(StateHasChanged);
    }

    private string RowClass(WebhookEnvironment environment, int index) =>
        environment.Id == selected?.Id ? "mud-selected-item mud-primary-hover" : "";

    private void Select(WebhookEnvironment environment) => selected = environment;

    private async Task CreateAsync()
    {
        if (await EnvironmentDialog.ShowAsync(Dialogs, Selected.Id, null) is { } created)
        {
            Snackbar.Add($"Environment '{created.Name}' created", Severity.Success);
            await LoadAsync();
            selected = environments?.FirstOrDefault(e => e.Id == created.Id);
        }
    }

    private async Task RenameAsync(WebhookEnvironment environment)
    {
        if (await EnvironmentDialog.ShowAsync(Dialogs, Selected.Id, environment) is { } renamed)
        {
            Snackbar.Add(renamed.Name == environment.Name ? "Nothing to rename" : $"Environment '{environment.Name}' renamed to '{renamed.Name}'", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(WebhookEnvironment environment)
    {
        var count = environment.Subscriptions.Count;
        var subscriptions = count switch
        {
            0 => "It subscribes to no webhooks.",
            1 => "Its subscription to 1 webhook goes with it.",
            _ => $"Its subscriptions to {count} webhooks go with it.",
        };
        var message = $"Delete environment '{environment.Name}'? {subscriptions} Events posted for it afterwards reach no webhook; the delivery history keeps its name.";
        if (!await ConfirmDialog.AskAsync(Dialogs, "Delete environment", message))
        {
            return;
        }
        var deleted = await Environments.DeleteAsync(Selected.Id, environment.Id, CancellationToken.None);
        Snackbar.Add(deleted is null ? "The environment was deleted already" : $"Environment '{environment.Name}' deleted",
            deleted is null ? Severity.Info : Severity.Success);
        await LoadAsync();
    }

    public void Dispose() => Selected.Changed -= AccountChangedAsync;
}
