using Microsoft.AspNetCore.Components;

namespace WebhookConsole.Components.Shared;

/// <summary>
/// The page and rows per page of a list paged in the browser (the webhooks, environments and event types pages), kept
/// in the address beside the list's filters, so a reload, a bookmark or back from another page opens the same page.
/// </summary>
/// <param name="filters">The list's filters as query parameters, asked each time the address is written.</param>
internal sealed class PagedListAddress(NavigationManager navigation, Func<IEnumerable<KeyValuePair<string, object?>>> filters)
{
    private readonly OwnNavigations ownNavigations = new();

    public TablePaging Paging { get; private set; } = TablePaging.First;

    /// <summary>
    /// Changes whenever the paging comes from outside. MudBlazor's table takes its page and size only when it starts,
    /// so a table keyed on this opens fresh at the page the address asks for.
    /// </summary>
    public int TableKey { get; private set; }

    /// <summary>
    /// Takes the page and its size from the address when a link, back or forward changed it (true), and leaves them
    /// when the address is one this list wrote itself (false).
    /// </summary>
    public bool Read(string? page, string? size)
    {
        if (ownNavigations.IsOwn(navigation.Uri))
        {
            return false;
        }
        Paging = TablePaging.Parse(page, size);
        TableKey++;
        return true;
    }

    /// <summary>Keeps the page inside the pages <paramref name="rows"/> rows fill: past the end (a bookmark, a deletion) is the last.</summary>
    public void Within(int rows) => Paging = Paging.Within(rows);

    /// <summary>Other filters keep other rows: the list starts again at its first page.</summary>
    public void FirstPage() => Paging = Paging with { PageIndex = 0 };

    /// <summary>Turns to the page that holds the row at <paramref name="index"/>.</summary>
    public void ShowRow(int index) => Paging = Paging with { PageIndex = index / Paging.Size };

    public void PageIndexChanged(int value)
    {
        if (value != Paging.PageIndex)
        {
            Paging = Paging with { PageIndex = value };
            Keep();
        }
    }

    /// <summary>The table goes back to its first page with another size.</summary>
    public void PageSizeChanged(int value)
    {
        if (value != Paging.Size)
        {
            Paging = new TablePaging(0, value);
            Keep();
        }
    }

    /// <summary>Writes the filters and the paging into the address, in place of the current entry.</summary>
    public void Keep() => ownNavigations.Replace(navigation, filters().Concat(Paging.ToQuery()).ToDictionary());

    /// <summary>A free-text search as the <c>q</c> parameter, left out when blank.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> Search(string? text) =>
        [new("q", string.IsNullOrWhiteSpace(text) ? null : text)];
}
