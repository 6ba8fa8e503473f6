using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebhookConsole.Components.Shared;
using WebhookConsole.Features.EventTypes;

namespace WebhookConsole.Components.Pages.EventTypes;

/// <summary>
/// The event catalogue by name, searched and paged in the page, with the search, the page and its size in the query
/// string.
/// </summary>
public partial class EventTypesPage
{
    private readonly HashSet<Guid> expanded = [];
    private List<EventType>? types;
    private List<EventType> shown = [];
    private string? search;
    private PagedListAddress? address;

    [Inject] private EventTypeEditor Editor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")] private string? QuerySearch { get; set; }
    [SupplyParameterFromQuery(Name = "page")] private string? QueryPage { get; set; }
    [SupplyParameterFromQuery(Name = "size")] private string? QuerySize { get; set; }

    private PagedListAddress Address => address ??= new(Navigation, () => PagedListAddress.Search(search));

    private string CountText => !string.IsNullOrWhiteSpace(search)
        ? $"{shown.Count:N0} of {types?.Count ?? 0:N0} match"
        : types?.Count == 1 ? "1 event type" : $"{types?.Count ?? 0:N0} event types";

    protected override async Task OnInitializedAsync() => await LoadAsync();

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

    /// <summary>
    /// The types the search keeps, by name so a type is found where the eye expects it (ordinal, since names are
    /// identifiers such as Call:Hangup), and the page kept inside them: past the end is the last.
    /// </summary>
    private void Filter()
    {
        var term = search?.Trim() ?? "";
        shown = (types ?? [])
            .Where(t => term.Length == 0
                || t.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                || t.Description.Contains(term, StringComparison.OrdinalIgnoreCase)
                || t.Source.Contains(term, StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        if (types is not null)
        {
            Address.Within(shown.Count);
        }
    }

    private async Task LoadAsync()
    {
        types = await Editor.ListAsync(CancellationToken.None);
        Filter();
    }

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

    private void Toggle(Guid id)
    {
        if (!expanded.Remove(id))
        {
            expanded.Add(id);
        }
    }

    private async Task EditAsync(EventType? type)
    {
        var dialog = await Dialogs.ShowAsync<EventTypeDialog>(type is null ? "New event type" : $"Edit {type.Name}",
            new DialogParameters<EventTypeDialog> { { d => d.ExistingId, type?.Id } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: Guid saved })
        {
            Snackbar.Add(type is null ? "Event type added" : "Event type saved", Severity.Success);
            await LoadAsync();
            ShowPageOf(saved);
        }
    }

    /// <summary>Turns to the page that holds the type (a new name may sort anywhere), leaving a search it does not match.</summary>
    private void ShowPageOf(Guid id)
    {
        if (!shown.Exists(t => t.Id == id))
        {
            search = null;
            Filter();
        }
        var index = shown.FindIndex(t => t.Id == id);
        if (index >= 0)
        {
            Address.ShowRow(index);
        }
        Address.Keep();
    }

    private async Task DeleteAsync(EventType type)
    {
        if (!await ConfirmDialog.AskAsync(Dialogs, "Delete event type", $"Delete '{type.Name}' from the catalogue?"))
        {
            return;
        }
        var refusal = await Editor.DeleteAsync(type.Id, CancellationToken.None);
        Snackbar.Add(refusal ?? $"'{type.Name}' deleted", refusal is null ? Severity.Success : Severity.Warning);
        await LoadAsync();
        Address.Keep();
    }
}
