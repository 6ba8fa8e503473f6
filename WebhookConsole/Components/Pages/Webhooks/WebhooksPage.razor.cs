using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebhookConsole.Components.Shared;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Components.Pages.Webhooks;

public partial class WebhooksPage : IDisposable
{
    private const string AllEvents = "";
    private const string AllStatuses = "";
    private const string EnabledStatus = "enabled";
    private const string DisabledStatus = "disabled";

    private readonly OwnNavigations ownNavigations = new();
    private List<WebhookRow>? webhooks;
    private List<string> catalogue = [];
    private bool loading;
    private string? search;
    private string eventFilter = AllEvents;
    private string statusFilter = AllStatuses;

    [Inject] private WebhookService Webhooks { get; set; } = default!;
    [Inject] private EventTypeCatalog Catalog { get; set; } = default!;
    [Inject] private SelectedAccount Selected { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    // Filters live in the query string, so a filtered list can be bookmarked and shared.
    [SupplyParameterFromQuery(Name = "q")] private string? QuerySearch { get; set; }
    [SupplyParameterFromQuery(Name = "event")] private string? QueryEvent { get; set; }
    [SupplyParameterFromQuery(Name = "status")] private string? QueryStatus { get; set; }

    /// <summary>The catalogue, <c>*</c>, and any event a webhook uses that the catalogue no longer has.</summary>
    private IEnumerable<string> EventNames =>
        new[] { WebhookEndpoint.AnyEvent }.Concat(catalogue).Concat((webhooks ?? []).Select(w => w.EventType)).Distinct();

    private IEnumerable<WebhookRow> Filtered => (webhooks ?? []).Where(w =>
        (string.IsNullOrWhiteSpace(search)
            || w.Url.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
            || w.Name.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
            || w.EventType.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase))
        && (eventFilter == AllEvents || w.EventType == eventFilter)
        && statusFilter switch
        {
            EnabledStatus => w.Enabled,
            DisabledStatus => !w.Enabled,
            _ => true,
        });

    protected override async Task OnInitializedAsync()
    {
        Selected.Changed += ReloadAsync;
        await Selected.EnsureAsync();
        catalogue = [.. (await Catalog.ListAsync(CancellationToken.None)).Select(t => t.Name)];
        await LoadAsync();
    }

    /// <summary>
    /// First from the address, then again whenever a link (the menu's, with no filters), back or forward changes the
    /// query string while the page stays open.
    /// </summary>
    protected override void OnParametersSet()
    {
        if (ownNavigations.IsOwn(Navigation.Uri))
        {
            return;
        }
        search = QuerySearch;
        eventFilter = QueryEvent ?? AllEvents;
        statusFilter = QueryStatus is EnabledStatus or DisabledStatus ? QueryStatus : AllStatuses;
    }

    private async Task LoadAsync()
    {
        loading = true;
        try
        {
            webhooks = [.. (await Webhooks.ListAsync(Selected.Id, CancellationToken.None)).Select(WebhookRow.From)];
        }
        finally
        {
            loading = false;
        }
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        await InvokeAsync(StateHasChanged);
    }

    private void SearchChanged(string? value)
    {
        if (value == search)
        {
            return;
        }
        search = value;
        KeepFiltersInUrl();
    }

    private void EventFilterChanged(string? value)
    {
        if ((value ?? AllEvents) == eventFilter)
        {
            return;
        }
        eventFilter = value ?? AllEvents;
        KeepFiltersInUrl();
    }

    private void StatusFilterChanged(string? value)
    {
        if ((value ?? AllStatuses) == statusFilter)
        {
            return;
        }
        statusFilter = value ?? AllStatuses;
        KeepFiltersInUrl();
    }

    // Only a real change navigates: inputs may report their first value late, after the admin has left the page.
    private void KeepFiltersInUrl() => ownNavigations.Replace(Navigation, new Dictionary<string, object?>
    {
        ["q"] = string.IsNullOrWhiteSpace(search) ? null : search,
        ["event"] = eventFilter == AllEvents ? null : eventFilter,
        ["status"] = statusFilter == AllStatuses ? null : statusFilter,
    });

    private async Task ShowTemplateAsync(WebhookRow webhook)
    {
        await Dialogs.ShowAsync<TemplateDialog>($"Body of {webhook.Name}", new DialogParameters<TemplateDialog>
        {
            { d => d.Template, webhook.BodyTemplate },
            { d => d.CustomDataJson, webhook.CustomDataJson },
            { d => d.Method, webhook.Method },
        }, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });
    }

    private async Task DeleteAsync(WebhookRow webhook)
    {
        if (!await ConfirmDialog.AskAsync(Dialogs, "Delete webhook",
                $"Delete '{webhook.Name}'? Environments stop sending {webhook.EventType} to {webhook.Url}; its delivery history stays."))
        {
            return;
        }
        var deleted = await Webhooks.DeleteAsync(Selected.Id, webhook.Id, CancellationToken.None);
        Snackbar.Add(deleted is null ? "The webhook was deleted already" : $"Webhook '{webhook.Name}' deleted", deleted is null ? Severity.Info : Severity.Success);
        await LoadAsync();
    }

    private async Task ReEnableAsync(WebhookRow webhook)
    {
        var saved = await Webhooks.SetEnabledAsync(Selected.Id, webhook.Id, true, CancellationToken.None);
        Snackbar.Add(saved is null ? "The webhook no longer exists" : $"Webhook '{webhook.Name}' enabled again", saved is null ? Severity.Warning : Severity.Success);
        await LoadAsync();
    }

    public void Dispose() => Selected.Changed -= ReloadAsync;
}
