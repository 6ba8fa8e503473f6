using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebhookConsole.Components.Shared;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Audit;

namespace WebhookConsole.Components.Pages.Audit;

/// <summary>
/// The audit log, paged on the server, newest first; the filters live in the query string so a view can be bookmarked,
/// and follow it when a link, back or forward changes it while the page is open.
/// </summary>
public partial class AuditPage
{
    private readonly OwnNavigations ownNavigations = new();
    private MudTable<AuditEntry>? table;
    private string? entityType;
    private string? action;
    private string? actor;
    private string? search;
    private int searchDepth = AuditQueryService.SearchDepth;
    private DateTime? searchedFrom;

    [Inject] private AuditQueryService Audit { get; set; } = default!;
    [Inject] private SelectedAccount Selected { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "entity")] private string? QueryEntity { get; set; }
    [SupplyParameterFromQuery(Name = "action")] private string? QueryAction { get; set; }
    [SupplyParameterFromQuery(Name = "actor")] private string? QueryActor { get; set; }
    [SupplyParameterFromQuery(Name = "q")] private string? QuerySearch { get; set; }

    private IEnumerable<string> Actions => entityType is null
        ? AuditActions.All
        : AuditActions.All.Where(a => a.StartsWith(entityType + ".", StringComparison.Ordinal));

    private string EmptyText => searchedFrom is { } from
        ? $"No changes since {Time(from)} match the filters."
        : $"No changes recorded{(Filtered ? " that match the filters" : "")}.";

    private static string Time(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    private bool Filtered => entityType is not null || action is not null || !string.IsNullOrWhiteSpace(actor) || !string.IsNullOrWhiteSpace(search);

    protected override async Task OnInitializedAsync()
    {
        ReadQuery();
        Selected.Changed += AccountChangedAsync;
        await Selected.EnsureAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        if (ownNavigations.IsOwn(Navigation.Uri) || InQuery() == (entityType, action, Text(actor), Text(search)))
        {
            return;
        }
        ReadQuery();
        await FiltersChangedAsync();
    }

    /// <summary>The filters as the address gives them; a value the log has no use for (an unknown action) is dropped.</summary>
    private void ReadQuery() => (entityType, action, actor, search) = InQuery();

    private (string?, string?, string?, string?) InQuery()
    {
        var type = AuditEntityTypes.All.Contains(QueryEntity) ? QueryEntity : null;
        var named = AuditActions.All.Contains(QueryAction)
            && (type is null || QueryAction!.StartsWith(type + ".", StringComparison.Ordinal)) ? QueryAction : null;
        return (type, named, Text(QueryActor), Text(QuerySearch));
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private async Task<TableData<AuditEntry>> LoadPageAsync(TableState state, CancellationToken cancellationToken)
    {
        var accountId = await Selected.EnsureAsync(cancellationToken);
        var page = await Audit.PageAsync(accountId, new AuditFilter(entityType, action, actor, search), state.Page, state.PageSize,
            cancellationToken, searchDepth);
        searchedFrom = page.SearchedFrom;
        // What the log shows, in the address: a filter it dropped (an unknown action in a link) leaves it too.
        ownNavigations.Replace(Navigation, Query());
        return new TableData<AuditEntry> { Items = page.Items, TotalItems = page.Total };
    }

    private Task EntityTypeChangedAsync(string? value)
    {
        entityType = value;
        if (action is not null && !Actions.Contains(action))
        {
            action = null;
        }
        return FiltersChangedAsync();
    }

    private Task ActionChangedAsync(string? value)
    {
        action = value;
        return FiltersChangedAsync();
    }

    private Task ActorChangedAsync(string? value)
    {
        actor = value;
        return FiltersChangedAsync();
    }

    private Task SearchChangedAsync(string? value)
    {
        search = value;
        return FiltersChangedAsync();
    }

    /// <summary>Other filters: a search starts again from the newest entries.</summary>
    private Task FiltersChangedAsync()
    {
        searchDepth = AuditQueryService.SearchDepth;
        return ReloadAsync();
    }

    /// <summary>
    /// Looks through four times as many entries: the matches shown stay where they are (older entries only add to the
    /// end), so the page shown stays too.
    /// </summary>
    private Task SearchFurtherAsync()
    {
        searchDepth = (int)Math.Min(int.MaxValue / 2, searchDepth * 4L);
        return ReloadAsync();
    }

    private Dictionary<string, object?> Query() => new()
    {
        ["entity"] = entityType,
        ["action"] = action,
        ["actor"] = Text(actor),
        ["q"] = Text(search),
    };

    private Task ReloadAsync() => table?.ReloadServerData() ?? Task.CompletedTask;

    private async Task AccountChangedAsync() => await InvokeAsync(FiltersChangedAsync);

    private async Task ShowAsync(AuditEntry entry) =>
        await Dialogs.ShowAsync<AuditEntryDialog>($"{entry.Action} · {entry.EntityName ?? entry.EntityId}",
            new DialogParameters<AuditEntryDialog>
            {
                { d => d.Actor, entry.Actor },
                { d => d.OccurredAt, entry.OccurredAt },
                { d => d.EntityId, entry.EntityId },
                { d => d.BeforeJson, entry.BeforeJson },
                { d => d.AfterJson, entry.AfterJson },
            },
            new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseButton = true });

    private static Color ActionColor(string action) => action[(action.LastIndexOf('.') + 1)..] switch
    {
        "created" or "enabled" => Color.Success,
        "deleted" or "revoked" => Color.Error,
        "disabled" => Color.Warning,
        "secret_rotated" => Color.Info,
        _ => Color.Default,
    };

    public void Dispose() => Selected.Changed -= AccountChangedAsync;
}
