using System.Globalization;
using WebhookConsole.Data.Paging;

namespace WebhookConsole.Api;

/// <summary>Reads what every list's query string shares (paging, and no parameter it does not know); each bad value is a fault on its parameter.</summary>
internal static class ListQuery
{
    public static readonly IReadOnlyList<string> PagingNames = ["page_size", "start_key"];

    /// <summary>The paging parameters as the API document describes them, for every paged list.</summary>
    public static readonly (string Name, string Description)[] PagingParameters =
    [
        ("page_size", "items per page, 1 to 500 (default 50)"),
        ("start_key", "the next_start_key of the page before"),
    ];

    /// <summary>
    /// Faults every parameter not in <paramref name="allowed"/>: a misspelt filter read as no filter would list, or
    /// replay, far more than was asked for.
    /// </summary>
    public static void RejectUnknown(IQueryCollection query, IReadOnlyList<string> allowed, FieldErrors errors)
    {
        foreach (var (name, _) in query)
        {
            if (!allowed.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(PrintableText.Of(name), "unknown_parameter",
                    $"not a parameter of this route, which takes {string.Join(", ", allowed)}");
            }
        }
    }

    public static PageRequest Paging(IQueryCollection query, FieldErrors errors)
    {
        var size = PageRequest.DefaultSize;
        if (Single(query, "page_size", errors) is { } sizeText)
        {
            // The framework's parser ignores trailing NUL characters ("5\0" is 5); only ASCII digits are a number here.
            if (sizeText.All(char.IsAsciiDigit)
                && int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= PageRequest.MaxSize)
            {
                size = parsed;
            }
            else
            {
                errors.Add("page_size", "range", $"page_size must be a whole number from 1 to {PageRequest.MaxSize}");
            }
        }
        PageKey? start = null;
        if (Single(query, "start_key", errors) is { } keyText)
        {
            start = PageKey.Parse(keyText);
            if (start is null)
            {
                errors.Add("start_key", "format", "start_key must be a next_start_key from an earlier answer");
            }
        }
        return new PageRequest(size, start);
    }

    /// <summary>The parameter's one value, null when absent or empty; given twice, a fault.</summary>
    public static string? Single(IQueryCollection query, string name, FieldErrors errors)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }
        if (values.Count > 1)
        {
            errors.Add(name, "single", $"{name} may be given once");
            return null;
        }
        var value = values.ToString();
        return value.Length == 0 ? null : value;
    }
}
