using System.Text;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>The text filters. Their input is taken as text, so nil is "" and a number is its JSON form.</summary>
internal static class LiquidStringFilters
{
    public static IReadOnlyList<LiquidFilter> All { get; } =
    [
        new("upcase", 0, 0, (input, _) => Text(input).ToUpperInvariant()),
        new("downcase", 0, 0, (input, _) => Text(input).ToLowerInvariant()),
        new("capitalize", 0, 0, (input, _) => Capitalize(Text(input))),
        new("append", 1, 1, (input, args) => Text(input) + Text(args[0])),
        new("prepend", 1, 1, (input, args) => Text(args[0]) + Text(input)),
        new("replace", 2, 2, (input, args) => Replace(Text(input), Text(args[0]), Text(args[1]), all: true)),
        new("replace_first", 2, 2, (input, args) => Replace(Text(input), Text(args[0]), Text(args[1]), all: false)),
        new("remove", 1, 1, (input, args) => Replace(Text(input), Text(args[0]), "", all: true)),
        new("remove_first", 1, 1, (input, args) => Replace(Text(input), Text(args[0]), "", all: false)),
        new("strip", 0, 0, (input, _) => Text(input).Trim()),
        new("lstrip", 0, 0, (input, _) => Text(input).TrimStart()),
        new("rstrip", 0, 0, (input, _) => Text(input).TrimEnd()),
        new("strip_newlines", 0, 0, (input, _) => Text(input).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal)),
        new("truncate", 0, 2, Truncate),
        new("escape", 0, 0, (input, _) => Escape(Text(input))),
        new("url_encode", 0, 0, (input, _) => QueryStringBuilder.PercentEncode(Text(input))),
        new("json", 0, 0, (input, _) => LiquidJson.Write(input)),
        new("default", 1, 1, (input, args) => input is null or false || LiquidComparer.IsEmpty(input) ? args[0] : input),
    ];

    private static string Text(object? value) => LiquidValues.ToText(value);

    private static string Capitalize(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }
        Rune.DecodeFromUtf16(text, out var first, out var length);
        return Rune.ToUpperInvariant(first).ToString() + text[length..].ToLowerInvariant();
    }

    private static string Replace(string text, string search, string replacement, bool all)
    {
        // An empty search string would match between every two characters; there is nothing sensible to replace.
        if (search.Length == 0)
        {
            return text;
        }
        if (all)
        {
            return text.Replace(search, replacement, StringComparison.Ordinal);
        }
        var at = text.IndexOf(search, StringComparison.Ordinal);
        return at < 0 ? text : string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + search.Length));
    }

    private static object? Truncate(object? input, object?[] args)
    {
        var text = Text(input);
        var length = args.Length > 0 ? LiquidNumbers.ToInt(args[0]) : 50;
        var ellipsis = args.Length > 1 ? Text(args[1]) : "...";
        if (LiquidValues.RuneCount(text) <= length)
        {
            return text;
        }
        var keep = Math.Max(0, length - LiquidValues.RuneCount(ellipsis));
        return RunePrefix(text, keep) + ellipsis;
    }

    // Cuts after whole characters, so an emoji is never split into half a surrogate pair.
    private static string RunePrefix(string text, int runes)
    {
        var end = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (runes-- == 0)
            {
                break;
            }
            end += rune.Utf16SequenceLength;
        }
        return text[..end];
    }

    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
