using System.Text;
using System.Text.Json.Nodes;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>Turns the rendered body of a GET webhook into query parameters after the URL's own.</summary>
internal static class QueryStringBuilder
{
    private const string Hex = "0123456789ABCDEF";

    /// <summary>
    /// Appends one name=value per top-level field: strings as they are, numbers and booleans in JSON form,
    /// null as an empty value, objects and arrays as compact JSON; all RFC 3986 percent-encoded. A fragment
    /// stays at the end.
    /// </summary>
    public static string AppendQuery(string url, JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0)
        {
            return url;
        }
        var hash = url.IndexOf('#');
        var head = hash < 0 ? url : url[..hash];
        var query = new StringBuilder(head, head.Length + (fields.Count * 16));
        var separator = !head.Contains('?') ? "?" : head.EndsWith('?') || head.EndsWith('&') ? "" : "&";
        foreach (var (name, value) in fields)
        {
            query.Append(separator);
            AppendEncoded(query, name);
            query.Append('=');
            AppendEncoded(query, LiquidValues.ToText(LiquidValues.FromNode(value)));
            separator = "&";
        }
        if (hash >= 0)
        {
            query.Append(url, hash, url.Length - hash);
        }
        return query.ToString();
    }

    public static string PercentEncode(string text)
    {
        var encoded = new StringBuilder(text.Length);
        AppendEncoded(encoded, text);
        return encoded.ToString();
    }

    private static void AppendEncoded(StringBuilder target, string text)
    {
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
            {
                target.Append(c);
                i++;
                continue;
            }
            // A lone surrogate cannot be UTF-8; it is sent as U+FFFD like every other encoder does.
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
            }
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                target.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
            i += Math.Max(consumed, 1);
        }
    }
}
