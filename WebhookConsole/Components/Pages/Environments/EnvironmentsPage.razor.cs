using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebhookConsole.Components.Shared;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Environments;

namespace WebhookConsole.Components.Pages.Environments;

/// <summary>
/// The account's environments by name, searched and paged in the page, with the search, the page and its size in the
/// query string.
/// </summary>
public partial class EnvironmentsPage : IDisposable
{
    private List<WebhookEnvironment>? environments;
    private List<WebhookEnvironment> shown = [];
    /// <summary>The environment whose subscriptions are being edited, if any.</summary>
    private WebhookEnvironment? selected;
    private string? search;
    private PagedListAddress? address;

    [Inject] private EnvironmentService Environments { get; set; } = default!;
    [Inject] private SelectedAccount Selected { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")] private string? QuerySearch { get; set; }
    [SupplyParameterFromQuery(Name = "page")] private string? QueryPage { get; set; }
    [SupplyParameterFromQuery(Name = "size")] private string? QuerySize { get; set; }

    private PagedListAddress Address => address ??= new(Navigation, () => PagedListAddress.Search(search));

    private string CountText => !string.IsNullOrWhiteSpace(search)
        ? $"{shown.Count:N0} of {environments?.Count ?? 0:N0} match"
        : environments?.Count == 1 ? "1 environment" : $"{environments?.Count ?? 0:N0} environments";

    protected override async Task OnInitializedAsync()
    {
        Selected.Changed += AccountChangedAsync;
        await Selected.EnsureAsync();
        await LoadAsync();
    }

    /// <summary>First from the address, then again whenever a link, back or forward changes it while the page stays open.</summary>
    protected override void OnParametersSet()
    {
        if (!Address.Read(QueryPage, QuerySize))
        {
            return;
        }
        search = QuerySearch;
        Filter();
        if (RendererInfo.IsInteractive)
        {
            Address.Keep();
        }
    }

    /// <summary>The environments the search keeps, and the page kept inside them: past the end is the last.</summary>
    private void Filter()
    {
        var term = search?.Trim() ?? "";
        shown = (environments ?? []).Where(e => e.Name.Contains(term, StringComparison.OrdinalIgnoreCase)).ToList();
        if (environments is not null)
        {
            Address.Within(shown.Count);
        }
    }

    private async Task LoadAsync()
    {
        environments = await Environments.ListAsync(Selected.Id, CancellationToken.None);
        selected = selected is null ? null : environments.FirstOrDefault(e => e.Id == selected.Id);
        Filter();
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        Address.Keep();
    }

    private async Task AccountChangedAsync() => await InvokeAsync(async () =>
    {
        selected = null;
        await ReloadAsync();
        StateHasChanged();
    });

    /// <summary>Another search keeps other rows: the list starts again at its first page.</summary>
    private void SearchChanged(string? value)
    {
        if (value == search)
        {
            return;
        }
        search = value;
        Address.FirstPage();
        Filter();
        Address.Keep();
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
            ShowPageOf(created.Id);
        }
    }

    /// <summary>Turns to the page that holds the environment, leaving a search it does not match.</summary>
    private void ShowPageOf(Guid id)
    {
        if (!shown.Exists(e => e.Id == id))
        {
            search = null;
            Filter();
        }
        var index = shown.FindIndex(e => e.Id == id);
        if (index >= 0)
        {
            Address.ShowRow(index);
        }
        Address.Keep();
    }

    private async Task RenameAsync(WebhookEnvironment environment)
    {
        if (await EnvironmentDialog.ShowAsync(Dialogs, Selected.Id, environment) is { } renamed)
        {
            Snackbar.Add(renamed.Name == environment.Name ? "Nothing to rename" : $"Environment '{environment.Name}' renamed to '{renamed.Name}'", Severity.Success);
            await ReloadAsync();
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
        await ReloadAsync();
    }

    public void Dispose() => Selected.Changed -= AccountChangedAsync;
}
