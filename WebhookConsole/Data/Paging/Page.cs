namespace WebhookConsole.Data.Paging;

/// <summary>Items of one page, and the key of the next page (null on the last).</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, PageKey? Next)
{
    /// <summary>
    /// The page made of <paramref name="rows"/>, read one past <paramref name="size"/>: the extra row only tells
    /// that a next page exists, which then starts after the last item kept.
    /// </summary>
    public static Page<T> Of(List<T> rows, int size, Func<T, PageKey> keyOf)
    {
        if (rows.Count <= size)
        {
            return new Page<T>(rows, null);
        }
        var items = rows.Take(size).ToList();
        return new Page<T>(items, keyOf(items[^1]));
    }
}
