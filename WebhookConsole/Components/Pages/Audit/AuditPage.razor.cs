using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Audit;

namespace WebhookConsole.Components.Pages.Audit;

/// <summary>The audit log, paged on the server, newest first; the filters live in the query string so a view can be bookmarked.</summary>
public partial class AuditPage
{
    private MudTable<AuditEntry>? table;
    private string? entityType;
    private string? action;
    private string? actor;
    private string? search;

    [Inject] private AuditQueryService Audit { get; set; } = default!;
    [Inject] private SelectedAccount Selected { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private IEnumerable<string> Actions => entityType is null
        ? AuditActions.All
        : AuditActions.All.Where(a => a.StartsWith(entityType + ".", StringComparison.Ordinal));

    private bool Filtered => entityType is not null || action is not null || !string.IsNullOrWhiteSpace(actor) || !string.IsNullOrWhiteSpace(search);

    protected override async Task OnInitializedAsync()
    {
        var query = QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query);
        string? Read(string key) => query.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;
        entityType = Read("entity") is { } type && AuditEntityTypes.All.Contains(type) ? type : null;
        action = Read("action") is { } a && AuditActions.All.Contains(a) ? a : null;
        actor = Read("actor");
        search = Read("q");
        Selected.Changed += AccountChangedAsync;
        await Selected.EnsureAsync();
    }

    private async Task<TableData<AuditEntry>> LoadPageAsync(TableState state, CancellationToken cancellationToken)
    {
        var accountId = await Selected.EnsureAsync(cancellationToken);
        var page = await Audit.PageAsync(accountId, new AuditFilter(entityType, action, actor, search), state.Page, state.PageSize, cancellationToken);
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

    private async Task FiltersChangedAsync()
    {
        var uri = Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["entity"] = entityType,
            ["action"] = action,
            ["actor"] = string.IsNullOrWhiteSpace(actor) ? null : actor,
            ["q"] = string.IsNullOrWhiteSpace(search) ? null : search,
        });
        Navigation.NavigateTo(uri, replace: true);
        await ReloadAsync();
    }

    private Task ReloadAsync() => table?.ReloadServerData() ?? Task.CompletedTask;

    private async Task AccountChangedAsync() => await InvokeAsync(ReloadAsync);

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
