using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebhookConsole.Components.Shared;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Components.Pages.Webhooks;

/// <summary>
/// The account's webhooks, filtered and paged in the page (the whole list is one cheap query; drawing every row is
/// what costs), with the filters, the page and its size in the query string.
/// </summary>
public partial class WebhooksPage : IDisposable
{
    private List<WebhookRow>? webhooks;
    private List<WebhookRow> shown = [];
    private List<string> catalogue = [];
    private bool loading;
    private WebhookListFilter filter = WebhookListFilter.None;
    private PagedListAddress? address;

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
    // And the page: a reload, a bookmark or back from the edit page opens the page the admin was on.
    [SupplyParameterFromQuery(Name = "page")] private string? QueryPage { get; set; }
    [SupplyParameterFromQuery(Name = "size")] private string? QuerySize { get; set; }

    /// <summary>The catalogue, <c>*</c>, and any event a webhook uses that the catalogue no longer has.</summary>
    private IEnumerable<string> EventNames =>
        new[] { WebhookEndpoint.AnyEvent }.Concat(catalogue).Concat((webhooks ?? []).Select(w => w.EventType)).Distinct();

    private PagedListAddress Address => address ??= new(Navigation, () => filter.ToQuery());

    private string CountText => filter.Any
        ? $"{shown.Count:N0} of {webhooks?.Count ?? 0:N0} match"
        : webhooks?.Count == 1 ? "1 webhook" : $"{webhooks?.Count ?? 0:N0} webhooks";

    protected override async Task OnInitializedAsync()
    {
        Selected.Changed += ReloadAsync;
        await Selected.EnsureAsync();
        catalogue = [.. (await Catalog.ListAsync(CancellationToken.None)).Select(t => t.Name)];
        await LoadAsync();
    }

    /// <summary>
    /// First from the address, then again whenever a link (the menu's, with no filters), back or forward changes the
    /// query string while the page stays open: the filters, the page and its size follow it.
    /// </summary>
    protected override void OnParametersSet()
    {
        if (!Address.Read(QueryPage, QuerySize))
        {
            return;
        }
        filter = WebhookListFilter.Parse(QuerySearch, QueryEvent, QueryStatus);
        Filter();
        if (RendererInfo.IsInteractive)
        {
            // What the list shows, in the address: a page past the end or a size not offered is corrected there too.
            Address.Keep();
        }
    }

    /// <summary>The rows the filters keep, and the page kept inside them: past the end (a bookmark, a deletion) is the last.</summary>
    private void Filter()
    {
        shown = (webhooks ?? []).Where(filter.Matches).ToList();
        if (webhooks is not null)
        {
            Address.Within(shown.Count);
        }
    }

    private async Task LoadAsync()
    {
        loading = true;
        try
        {
            webhooks = [.. (await Webhooks.ListAsync(Selected.Id, CancellationToken.None)).Select(WebhookRow.From)];
            Filter();
        }
        finally
        {
            loading = false;
        }
    }

    private async Task ReloadAsync() => await InvokeAsync(async () =>
    {
        await LoadAsync();
        Address.Keep();
        StateHasChanged();
    });

    private void SearchChanged(string? value) => FilterChanged(filter with { Search = value });

    private void EventFilterChanged(string? value) => FilterChanged(filter with { Event = value ?? WebhookListFilter.AnyEvent });

    private void StatusFilterChanged(string? value) => FilterChanged(filter with { Status = value ?? WebhookListFilter.AnyStatus });

    /// <summary>Other filters keep other rows: the list starts again at its first page.</summary>
    private void FilterChanged(WebhookListFilter changed)
    {
        // Only a real change navigates: inputs may report their first value late, after the admin has left the page.
        if (changed == filter)
        {
            return;
        }
        filter = changed;
        Address.FirstPage();
        Filter();
        Address.Keep();
    }

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
        Address.Keep();
    }

    private async Task ReEnableAsync(WebhookRow webhook)
    {
        var saved = await Webhooks.SetEnabledAsync(Selected.Id, webhook.Id, true, CancellationToken.None);
        Snackbar.Add(saved is null ? "The webhook no longer exists" : $"Webhook '{webhook.Name}' enabled again", saved is null ? Severity.Warning : Severity.Success);
        await LoadAsync();
    }

    public void Dispose() => Selected.Changed -= ReloadAsync;
}
