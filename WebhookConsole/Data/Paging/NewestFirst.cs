namespace WebhookConsole.Data.Paging;

/// <summary>The order and the start of every newest-first list: by (created, id), after the key of the page before.</summary>
internal static class NewestFirst
{
    /// <summary>The rows of <paramref name="query"/> that come after <paramref name="start"/> (all of them without one), newest first.</summary>
    public static IOrderedQueryable<T> After<T>(this IQueryable<T> query, PageKey? start)
        where T : class, IPagedRow
    {
        if (start is { } key)
        {
            query = query.Where(r => r.CreatedAt < key.CreatedAt || (r.CreatedAt == key.CreatedAt && r.Id.CompareTo(key.Id) < 0));
        }
        return query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id);
    }

    /// <summary>The key of the page that starts after <paramref name="row"/>.</summary>
    public static PageKey KeyOf(IPagedRow row) => new(row.CreatedAt, row.Id);
}
