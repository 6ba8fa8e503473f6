using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebhookConsole.Components.Shared;
using WebhookConsole.Features.EventTypes;

namespace WebhookConsole.Components.Pages.EventTypes;

public partial class EventTypesPage
{
    private readonly HashSet<Guid> expanded = [];
    private List<EventType>? types;
    private string? search;

    [Inject] private EventTypeEditor Editor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    // By name, so a type is found where the eye expects it; ordinal, since names are identifiers such as Call:Hangup.
    private IEnumerable<EventType> Filtered
    {
        get
        {
            var term = search?.Trim() ?? "";
            return (types ?? [])
                .Where(t => term.Length == 0
                    || t.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                    || t.Description.Contains(term, StringComparison.OrdinalIgnoreCase)
                    || t.Source.Contains(term, StringComparison.OrdinalIgnoreCase))
                .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
                .ThenBy(t => t.Name, StringComparer.Ordinal);
        }
    }

    protected override async Task OnInitializedAsync() => types = await Editor.ListAsync(CancellationToken.None);

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
        if (result is { Canceled: false })
        {
            Snackbar.Add(type is null ? "Event type added" : "Event type saved", Severity.Success);
            types = await Editor.ListAsync(CancellationToken.None);
        }
    }

    private async Task DeleteAsync(EventType type)
    {
        if (!await ConfirmDialog.AskAsync(Dialogs, "Delete event type", $"Delete '{type.Name}' from the catalogue?"))
        {
            return;
        }
        var refusal = await Editor.DeleteAsync(type.Id, CancellationToken.None);
        Snackbar.Add(refusal ?? $"'{type.Name}' deleted", refusal is null ? Severity.Success : Severity.Warning);
        types = await Editor.ListAsync(CancellationToken.None);
    }
}
