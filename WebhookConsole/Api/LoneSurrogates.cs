using System.Buffers;
using System.Text;
using System.Text.Json;

namespace WebhookConsole.Api;

/// <summary>
/// Finds what JSON's grammar allows but no reader of the text can take: an escape of half a UTF-16 surrogate pair
/// (<c>"\ud83d"</c> without its other half, an emoji cut in two), in a string or a property name. A document holding
/// one parses, then fails wherever that string is read or written, so input is checked for it before it is used.
/// </summary>
internal static class LoneSurrogates
{
    /// <summary>What is wrong with the text, to follow where it is in an error message.</summary>
    public const string Reason = "holds half of a UTF-16 surrogate pair (a \\ud800 to \\udfff escape without its other half)";

    /// <summary>
    /// Where the first string holding a lone surrogate escape starts, or null when none does. Run it before the text is
    /// parsed: a parser that compares property names fails on such a name with an error that is not a JSON one. Text
    /// that is not well-formed JSON answers null as far as it is not, for the parser to report.
    /// </summary>
    public static (int Line, int Column)? Find(ReadOnlySpan<byte> json)
    {
        if (!HasSurrogateEscape(json))
        {
            return null;
        }
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 1024 });
        char[]? text = null;
        try
        {
            while (Read(ref reader))
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped)
                {
                    continue;
                }
                var length = reader.ValueSpan.Length;
                if (text is null || text.Length < length)
                {
                    if (text is not null)
                    {
                        ArrayPool<char>.Shared.Return(text);
                    }
                    text = ArrayPool<char>.Shared.Rent(length);
                }
                try
                {
                    reader.CopyString(text);
                }
                catch (InvalidOperationException)
                {
                    return Position(json, (int)reader.TokenStartIndex);
                }
            }
            return null;
        }
        finally
        {
            if (text is not null)
            {
                ArrayPool<char>.Shared.Return(text);
            }
        }
    }

    /// <summary>As <see cref="Find(ReadOnlySpan{byte})"/>, for JSON text typed into the console or shown there.</summary>
    public static (int Line, int Column)? Find(string json) =>
        // Most text has no escape at all, and then need not be encoded to be looked at.
        json.Contains("\\u", StringComparison.Ordinal) ? Find(Encoding.UTF8.GetBytes(json)) : null;

    /// <summary>
    /// Whether the text holds <c>\uD800</c> to <c>\uDFFF</c> at all (whole pairs too): every lone surrogate is such an
    /// escape, so most text needs no second reading. Other escapes (<c>\u002B</c>, which serializers write for '+')
    /// do not count.
    /// </summary>
    private static bool HasSurrogateEscape(ReadOnlySpan<byte> json)
    {
        for (var at = json.IndexOf("\\u"u8); at >= 0; at = json.IndexOf("\\u"u8))
        {
            if (json.Length < at + 4)
            {
                return false;
            }
            if ((json[at + 2] | 0x20) == 'd' && (json[at + 3] | 0x20) is (>= (byte)'8' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f'))
            {
                return true;
            }
            json = json[(at + 2)..];
        }
        return false;
    }

    private static bool Read(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The line and column (from 1, the column in bytes) of a byte offset, as the parser's own errors give them.</summary>
    public static (int Line, int Column) Position(ReadOnlySpan<byte> json, int offset)
    {
        var before = json[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, offset - lineStart + 1);
    }
}
