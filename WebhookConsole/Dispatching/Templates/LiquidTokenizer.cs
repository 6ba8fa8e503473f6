using System.Text.RegularExpressions;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>
/// Splits a Liquid text into text, outputs and tags; applies whitespace control ({{- -}}) and takes the
/// bodies of raw and comment blocks out of the way, so that nothing inside them is parsed.
/// </summary>
internal static partial class LiquidTokenizer
{
    public static List<LiquidToken> Tokenize(string source)
    {
        var tokens = new List<LiquidToken>();
        var position = 0;
        var trimNext = false;
        while (position < source.Length)
        {
            var open = FindMarkup(source, position);
            if (open < 0)
            {
                AddText(tokens, source, position, source.Length, trimNext, trimEnd: false);
                break;
            }
            var isOutput = source[open + 1] == '{';
            var trimBefore = open + 2 < source.Length && source[open + 2] == '-';
            AddText(tokens, source, position, open, trimNext, trimBefore);
            var contentStart = open + (trimBefore ? 3 : 2);
            var close = source.IndexOf(isOutput ? "}}" : "%}", contentStart, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new TemplateSyntaxException(open, isOutput ? "'{{' is not closed with '}}'" : "'{%' is not closed with '%}'");
            }
            trimNext = close > contentStart && source[close - 1] == '-';
            var token = new LiquidToken(
                isOutput ? LiquidTokenKind.Output : LiquidTokenKind.Tag, open, contentStart, trimNext ? close - 1 : close, close + 2);
            position = token.End;
            if (isOutput)
            {
                tokens.Add(token);
                continue;
            }
            var name = TagName(source, token.ContentStart, token.ContentEnd);
            if (name is "raw" or "comment")
            {
                var end = (name == "raw" ? EndRaw() : EndComment()).Match(source, position);
                if (!end.Success)
                {
                    throw new TemplateSyntaxException(open, $"'{name}' tag was never closed");
                }
                if (name == "raw")
                {
                    AddText(tokens, source, position, end.Index, trimStart: false, trimEnd: false);
                }
                position = end.Index + end.Length;
                trimNext = end.Value.EndsWith("-%}", StringComparison.Ordinal);
                continue;
            }
            // {% # ... %} is an inline comment.
            if (name != "#")
            {
                tokens.Add(token);
            }
        }
        return tokens;
    }

    /// <summary>The tag's name: the word its content starts with ("" when there is none).</summary>
    public static string TagName(string source, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(source[start]))
        {
            start++;
        }
        if (start < end && source[start] == '#')
        {
            return "#";
        }
        var nameEnd = start;
        while (nameEnd < end && (char.IsAsciiLetterOrDigit(source[nameEnd]) || source[nameEnd] == '_'))
        {
            nameEnd++;
        }
        return source[start..nameEnd];
    }

    private static int FindMarkup(string source, int from)
    {
        for (var at = source.IndexOf('{', from); at >= 0 && at + 1 < source.Length; at = source.IndexOf('{', at + 1))
        {
            if (source[at + 1] is '{' or '%')
            {
                return at;
            }
        }
        return -1;
    }

    private static void AddText(List<LiquidToken> tokens, string source, int start, int end, bool trimStart, bool trimEnd)
    {
        while (trimStart && start < end && char.IsWhiteSpace(source[start]))
        {
            start++;
        }
        while (trimEnd && end > start && char.IsWhiteSpace(source[end - 1]))
        {
            end--;
        }
        if (end > start)
        {
            tokens.Add(new LiquidToken(LiquidTokenKind.Text, start, start, end, end));
        }
    }

    [GeneratedRegex(@"\{%-?\s*endraw\s*-?%\}", RegexOptions.CultureInvariant)]
    private static partial Regex EndRaw();

    [GeneratedRegex(@"\{%-?\s*endcomment\s*-?%\}", RegexOptions.CultureInvariant)]
    private static partial Regex EndComment();
}
