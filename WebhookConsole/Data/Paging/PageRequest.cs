namespace WebhookConsole.Data.Paging;

/// <summary>
/// A page of a newest-first list: its size and where it starts (null for the first page). Without a key, a page
/// may start <paramref name="Skip"/> rows in instead, for a jump to a page whose predecessor was never seen.
/// </summary>
internal sealed record PageRequest(int PageSize, PageKey? StartKey, int Skip = 0)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public static PageRequest First { get; } = new(DefaultSize, null);
}
