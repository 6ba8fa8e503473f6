using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebhookConsole.Components.Shared;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Environments;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Components.Pages.Deliveries;

/// <summary>
/// The delivery history: paged on the server by key (a page costs the same however deep), filtered from the
/// query string, and kept live by patching in only the deliveries that changed.
/// </summary>
public partial class DeliveriesPage : IDisposable
{
    /// <summary>
    /// The pager counts the matching deliveries this far (or through the page shown, when deeper) and says "more than"
    /// past it: an exact count of a month's history reads every delivery, about 100 ms for a million, for each page.
    /// </summary>
    internal const int CountLimit = 10_000;

    private static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(500);

    private MudDataGrid<DeliveryRow>? grid;
    private readonly OwnNavigations ownNavigations = new();
    private DeliveryFilterState filters = new();
    private DeliveryFilterChoices choices = DeliveryFilterChoices.None;
    private DeliveryChangeCoalescer? live;
    private DeliveryGridPage? shown;
    private int pageIndex;
    private int pageSize = TablePaging.DefaultSize;
    private int gridKey;
    private (int Done, int Total)? replayProgress;

    [Inject] private DeliveryQueryService Queries { get; set; } = default!;
    [Inject] private DeliveryChanges Changes { get; set; } = default!;
    [Inject] private WebhookService Webhooks { get; set; } = default!;
    [Inject] private EnvironmentService Environments { get; set; } = default!;
    [Inject] private EventTypeCatalog Catalog { get; set; } = default!;
    [Inject] private SelectedAccount Selected { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ILogger<DeliveriesPage> Logger { get; set; } = default!;

    // Filters live in the query string, so a view of the history can be bookmarked and shared.
    [SupplyParameterFromQuery(Name = "webhook")] private string? QueryWebhook { get; set; }
    [SupplyParameterFromQuery(Name = "event")] private string? QueryEvent { get; set; }
    [SupplyParameterFromQuery(Name = "environment")] private string? QueryEnvironment { get; set; }
    [SupplyParameterFromQuery(Name = "status")] private string? QueryStatus { get; set; }
    [SupplyParameterFromQuery(Name = "since")] private string? QuerySince { get; set; }
    [SupplyParameterFromQuery(Name = "until")] private string? QueryUntil { get; set; }
    [SupplyParameterFromQuery(Name = "q")] private string? QueryEventId { get; set; }
    [SupplyParameterFromQuery(Name = "test")] private string? QueryTest { get; set; }
    // And the page: a reload, a bookmark or back from a delivery opens the page the admin was on.
    [SupplyParameterFromQuery(Name = "page")] private string? QueryPage { get; set; }
    [SupplyParameterFromQuery(Name = "size")] private string? QuerySize { get; set; }

    private TablePaging Paging => new(pageIndex, pageSize);

    /// <summary>The pager's text: MudBlazor's own while the count is exact, "of more than ..." once it stopped at its limit.</summary>
    private string PagerInfo => shown?.Total is { More: true } total ? $"{{first_item}}-{{last_item}} of {total}" : "";

    protected override async Task OnInitializedAsync()
    {
        filters = FiltersInQuery();
        Selected.Changed += AccountChangedAsync;
        await Selected.EnsureAsync();
        await LoadChoicesAsync();
        await OpenAtAsync(PagingInQuery());
        live = new DeliveryChangeCoalescer(Changes, LiveInterval, Time, Logger,
            ids => InvokeAsync(() => ShowChangesAsync(ids)), () => InvokeAsync(ShowManyChangesAsync));
    }

    /// <summary>
    /// A link to this page (the menu's, with no filters), back or forward changes the query string while the page stays
    /// open: the filters, the page and the rows follow it.
    /// </summary>
    protected override async Task OnParametersSetAsync()
    {
        var wanted = FiltersInQuery();
        var wantedPaging = PagingInQuery();
        if (ownNavigations.IsOwn(Navigation.Uri) || (wanted.ToQuery().SequenceEqual(filters.ToQuery()) && wantedPaging == Paging))
        {
            return;
        }
        filters = wanted;
        await OpenAtAsync(wantedPaging);
    }

    private DeliveryFilterState FiltersInQuery() =>
        DeliveryFilterState.Parse(QueryWebhook, QueryEvent, QueryEnvironment, QueryStatus, QuerySince, QueryUntil, QueryEventId, QueryTest);

    private TablePaging PagingInQuery() => TablePaging.Parse(QueryPage, QuerySize);

    /// <summary>
    /// Shows <paramref name="paging"/>'s page in a new grid, as a reload would: the grid takes its page and size only
    /// when it starts. A page past the end (an address edited by hand, deliveries purged since) is the last one.
    /// </summary>
    private async Task OpenAtAsync(TablePaging paging)
    {
        if (paging.PageIndex > 0)
        {
            var total = await Queries.CountUpToAsync(Selected.Id, filters.ToFilter(), paging.CountLimit(CountLimit), CancellationToken.None);
            paging = paging.Within(total.PagerTotal);
        }
        (pageIndex, pageSize) = (paging.PageIndex, paging.Size);
        shown = null;
        gridKey++;
    }

    private async Task LoadChoicesAsync() =>
        choices = await DeliveryFilterChoices.LoadAsync(Webhooks, Environments, Catalog, Selected.Id, CancellationToken.None);

    private async Task<GridData<DeliveryRow>> LoadAsync(GridState<DeliveryRow> state, CancellationToken cancellationToken)
    {
        var accountId = await Selected.EnsureAsync(cancellationToken);
        var filter = filters.ToFilter();
        if (shown is null || shown.PageSize != state.PageSize)
        {
            shown = new DeliveryGridPage(state.PageSize);
        }
        var page = await Queries.ListAsync(accountId, filter, shown.RequestFor(state.Page), cancellationToken);
        var paging = new TablePaging(state.Page, state.PageSize);
        var total = await Queries.CountUpToAsync(accountId, filter, paging.CountLimit(CountLimit), cancellationToken);
        KeepInAddress(paging);
        return shown.Loaded(state.Page, page.Items.Select(v => DeliveryRow.From(v, choices.WebhooksById)), page.Next, total);
    }

    private void KeepInAddress(TablePaging paging) =>
        ownNavigations.Replace(Navigation, filters.ToQuery().Concat(paging.ToQuery()).ToDictionary());

    /// <summary>Loads the changed deliveries the page could show, and patches them in: no reload of the page.</summary>
    private async Task ShowChangesAsync(IReadOnlyCollection<Guid> ids)
    {
        if (shown is null || replayProgress is not null)
        {
            return;
        }
        var wanted = shown.OnFirstPage ? ids : ids.Where(shown.Contains).ToList();
        if (wanted.Count == 0)
        {
            return;
        }
        var found = await Queries.FindAsync(Selected.Id, filters.ToFilter(), wanted, CancellationToken.None);
        if (found.Any(v => !choices.WebhooksById.ContainsKey(v.Delivery.WebhookId)))
        {
            await LoadChoicesAsync();
        }
        if (shown.Patch(wanted, found.Select(v => DeliveryRow.From(v, choices.WebhooksById)).ToList()))
        {
            StateHasChanged();
        }
    }

    /// <summary>Deliveries changed that are not named (a burst on another node): the page shown is read again.</summary>
    private async Task ShowManyChangesAsync()
    {
        if (shown is null || replayProgress is not null)
        {
            return;
        }
        await ReloadAsync();
    }

    /// <summary>Other filters match other deliveries: the history starts again at its first page.</summary>
    private async Task FiltersChangedAsync()
    {
        KeepInAddress(Paging with { PageIndex = 0 });
        if (pageIndex == 0)
        {
            await ReloadAsync();
            return;
        }
        // The grid loads the first page when it is handed it.
        (pageIndex, shown) = (0, null);
    }

    private async Task ReloadAsync()
    {
        shown = null;
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }

    private async Task AccountChangedAsync() => await InvokeAsync(async () =>
    {
        filters = new DeliveryFilterState();
        await LoadChoicesAsync();
        await FiltersChangedAsync();
    });

    /// <summary>The account's disabled webhooks as they are now, which the bulk replay warns of; the filters' lists follow.</summary>
    private async Task<IReadOnlyList<WebhookLabel>> DisabledWebhooksAsync()
    {
        await LoadChoicesAsync();
        return choices.DisabledWebhooks;
    }

    /// <summary>Live changes wait while the bulk replay runs; the page is read again once it is over.</summary>
    private async Task ReplayProgressChangedAsync((int Done, int Total)? progress)
    {
        var over = replayProgress is not null && progress is null;
        replayProgress = progress;
        if (over)
        {
            await ReloadAsync();
        }
    }

    public void Dispose()
    {
        Selected.Changed -= AccountChangedAsync;
        live?.Dispose();
    }
}
