using System.Text;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>The filters on lists (arrays, ranges, split results).</summary>
internal static class LiquidListFilters
{
    public static IReadOnlyList<LiquidFilter> All { get; } =
    [
        new("size", 0, 0, (input, _) => (decimal)LiquidValues.Size(input)),
        new("first", 0, 0, (input, _) => LiquidValues.ListCount(input) > 0 ? LiquidValues.ElementAt(input, 0) : null),
        new("last", 0, 0, (input, _) => LiquidValues.ListCount(input) is > 0 and var count ? LiquidValues.ElementAt(input, count - 1) : null),
        new("join", 0, 1, Join),
        new("reverse", 0, 0, (input, _) => LiquidValues.AsList(input) is { } list ? list.Reverse().ToArray() : input),
        new("compact", 0, 0, (input, _) => LiquidValues.AsList(input) is { } list ? list.Where(item => item is not null).ToArray() : input),
        new("map", 1, 1, Map),
        new("split", 1, 1, Split),
    ];

    private static object? Join(object? input, object?[] args)
    {
        var count = LiquidValues.ListCount(input);
        if (count < 0)
        {
            return LiquidValues.ToText(input);
        }
        var separator = args.Length > 0 ? LiquidValues.ToText(args[0]) : " ";
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(separator);
            }
            text.Append(LiquidValues.ToText(LiquidValues.ElementAt(input, i)));
        }
        return text.ToString();
    }

    private static object? Map(object? input, object?[] args)
    {
        var key = LiquidValues.ToText(args[0]);
        if (LiquidValues.ListCount(input) < 0)
        {
            return input is null ? Array.Empty<object?>() : new[] { LiquidValues.Member(input, key) };
        }
        return LiquidValues.AsList(input)!.Select(item => LiquidValues.Member(item, key)).ToArray();
    }

    private static object? Split(object? input, object?[] args)
    {
        var text = LiquidValues.ToText(input);
        var separator = LiquidValues.ToText(args[0]);
        string[] parts;
        if (separator.Length == 0)
        {
            parts = text.EnumerateRunes().Select(rune => rune.ToString()).ToArray();
        }
        else if (separator == " ")
        {
            // As in Liquid, a single space splits on any run of whitespace.
            parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        }
        else
        {
            parts = text.Split(separator);
        }
        var length = parts.Length;
        while (length > 0 && parts[length - 1].Length == 0)
        {
            length--;
        }
        return parts.Take(length).Cast<object?>().ToArray();
    }
}
