using System.Globalization;

namespace WebhookConsole.Components.Shared;

/// <summary>
/// A list page's page and rows per page as the query string holds them (the delivery history and the other lists):
/// <c>page</c> counts from 1, <c>size</c> is one of <see cref="Sizes"/>, and the first page and the default size are
/// left out. An address edited by hand never fails: a page that is not a number is the first, one past the end the
/// last (see <see cref="Within"/>), and a size the nearest one offered.
/// </summary>
public sealed record TablePaging(int PageIndex, int Size)
{
    public const int DefaultSize = 50;

    /// <summary>The sizes the pagers offer.</summary>
    public static readonly int[] Sizes = [25, 50, 100, 200];

    public static TablePaging First { get; } = new(0, DefaultSize);

    public static TablePaging Parse(string? page, string? size) => new(ParsePage(page), ParseSize(size));

    /// <summary>This paging with its page clamped to the pages <paramref name="total"/> rows fill: past the end is the last.</summary>
    public TablePaging Within(int total) => this with { PageIndex = Math.Clamp(PageIndex, 0, Math.Max(0, (total - 1) / Size)) };

    /// <summary>
    /// How far a count bounded at <paramref name="limit"/> reaches to show this page: the limit, or through this page
    /// when it lies deeper, so the pager can tell whether a next page follows.
    /// </summary>
    public int CountLimit(int limit) => (int)Math.Min(int.MaxValue - 1L, Math.Max(limit, (PageIndex + 1L) * Size));

    public Dictionary<string, object?> ToQuery() => new()
    {
        ["page"] = PageIndex == 0 ? null : (PageIndex + 1).ToString(CultureInfo.InvariantCulture),
        ["size"] = Size == DefaultSize ? null : Size.ToString(CultureInfo.InvariantCulture),
    };

    private static int ParsePage(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }
        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var page))
        {
            return (int)Math.Clamp(page - 1, 0, int.MaxValue);
        }
        // More digits than a long holds: past any end, so the last page.
        return text.Trim().All(char.IsAsciiDigit) ? int.MaxValue : 0;
    }

    private static int ParseSize(string? text)
    {
        if (!long.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size))
        {
            return text?.Trim() is { Length: > 0 } digits && digits.All(char.IsAsciiDigit) ? Sizes[^1] : DefaultSize;
        }
        // The nearest size offered; between two, the smaller.
        return Sizes.OrderBy(s => Math.Abs(s - size)).ThenBy(s => s).First();
    }
}
