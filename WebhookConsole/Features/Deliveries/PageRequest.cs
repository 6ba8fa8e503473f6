namespace WebhookConsole.Features.Deliveries;

/// <summary>A page of a newest-first list: its size and where it starts (null for the first page).</summary>
internal sealed record PageRequest(int PageSize, PageKey? StartKey)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public static PageRequest First { get; } = new(DefaultSize, null);
}
