using MudBlazor;
using WebhookConsole.Data.Paging;
using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Components.Pages.Deliveries;

/// <summary>
/// The page of the history the grid shows, and where each page seen so far starts: the next page is read by
/// key after the last row shown, a page jumped to by its number by offset. Live changes are patched in here.
/// </summary>
internal sealed class DeliveryGridPage(int pageSize)
{
    private readonly Dictionary<int, PageKey> starts = [];
    private readonly List<DeliveryRow> rows = [];
    private GridData<DeliveryRow> data = new() { Items = [] };
    private int page;

    public int PageSize => pageSize;

    public bool OnFirstPage => page == 0;

    /// <summary>The matching deliveries as last counted, up to the history's limit; live changes keep an exact count exact.</summary>
    public BoundedCount Total { get; private set; }

    public bool Contains(Guid id) => rows.Exists(r => r.Id == id);

    public PageRequest RequestFor(int pageIndex) => starts.TryGetValue(pageIndex, out var key)
        ? new PageRequest(pageSize, key)
        : new PageRequest(pageSize, null, pageIndex * pageSize);

    public GridData<DeliveryRow> Loaded(int pageIndex, IEnumerable<DeliveryRow> items, PageKey? next, BoundedCount total)
    {
        Total = total;
        page = pageIndex;
        rows.Clear();
        rows.AddRange(items);
        if (next is not null)
        {
            starts[pageIndex + 1] = next;
        }
        // The grid keeps this object and the list in it, so patches below show without asking the grid to reload.
        data = new GridData<DeliveryRow> { Items = rows, TotalItems = total.PagerTotal };
        return data;
    }

    /// <summary>
    /// Applies fresh rows: <paramref name="found"/> are those of the <paramref name="changed"/> deliveries that match
    /// the filters now. Rows shown are replaced, or leave when they no longer match; on the first page, newer rows are
    /// added on top. True when the page changed.
    /// </summary>
    public bool Patch(IReadOnlyCollection<Guid> changed, IReadOnlyList<DeliveryRow> found)
    {
        var fresh = found.ToDictionary(r => r.Id);
        var patched = false;
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            if (!changed.Contains(rows[i].Id))
            {
                continue;
            }
            if (fresh.Remove(rows[i].Id, out var row))
            {
                rows[i] = row;
            }
            else
            {
                rows.RemoveAt(i);
                Recount(-1);
            }
            patched = true;
        }
        if (page != 0 || fresh.Count == 0)
        {
            return patched;
        }
        PageKey? last = rows.Count >= pageSize ? rows[^1].Key : null;
        var added = fresh.Values.Where(r => last is null || IsNewer(r.Key, last)).ToList();
        if (added.Count == 0)
        {
            return patched;
        }
        rows.AddRange(added);
        rows.Sort((a, b) => IsNewer(a.Key, b.Key) ? -1 : IsNewer(b.Key, a.Key) ? 1 : 0);
        Recount(added.Count);
        if (rows.Count > pageSize)
        {
            rows.RemoveRange(pageSize, rows.Count - pageSize);
        }
        // Rows moved down: the second page now starts after the new last row, deeper ones are found by offset again.
        starts.Clear();
        if (rows.Count == pageSize)
        {
            starts[1] = rows[^1].Key;
        }
        return true;
    }

    /// <summary>An exact count follows the rows that came or left; "more than" the limit stays so, whichever way it moved.</summary>
    private void Recount(int change)
    {
        if (!Total.More)
        {
            Total = Total with { Counted = Total.Counted + change };
            data.TotalItems = Total.Counted;
        }
    }

    private static bool IsNewer(PageKey a, PageKey b) => a.CreatedAt > b.CreatedAt || (a.CreatedAt == b.CreatedAt && a.Id.CompareTo(b.Id) > 0);
}
