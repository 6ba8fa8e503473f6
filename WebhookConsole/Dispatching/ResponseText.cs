using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace WebhookConsole.Dispatching;

/// <summary>
/// A receiver's response body as text: in the encoding its byte order mark shows, else the charset its
/// <c>Content-Type</c> declares when .NET knows it (ISO-8859-1, windows-1252 and the other code pages, UTF-16, ...),
/// else UTF-8. Bytes the encoding cannot read become U+FFFD.
/// </summary>
internal static class ResponseText
{
    private static readonly DecoderFallback Replacement = new DecoderReplacementFallback("\uFFFD");
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private const int MaxCharsetLength = 40;
    private const int MaxKnownCharsets = 64;
    private static readonly ConcurrentDictionary<string, Encoding> Known = new(StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> WindowsSupersets = new(StringComparer.OrdinalIgnoreCase)
    {
        "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819", "ibm819", "us-ascii", "ascii", "iso-ir-100",
    };

    /// <summary>
    /// Decodes <paramref name="bytes"/>. When <paramref name="complete"/> is false the body was cut (by the size cap
    /// or a broken connection), so a character whose bytes the cut splits is left out rather than shown broken.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? charset, bool complete)
    {
        var (encoding, markLength) = FromByteOrderMark(bytes) ?? (ForCharset(charset), 0);
        bytes = bytes[markLength..];
        if (complete)
        {
            return encoding.GetString(bytes);
        }
        var chars = ArrayPool<char>.Shared.Rent(encoding.GetMaxCharCount(bytes.Length));
        try
        {
            // Without a flush the decoder keeps an unfinished character to itself instead of writing U+FFFD for it.
            encoding.GetDecoder().Convert(bytes, chars, flush: complete, out _, out var written, out _);
            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// The encoding a charset names, UTF-8 when it names none that .NET has. As in browsers (the WHATWG Encoding
    /// Standard), ISO-8859-1 and US-ASCII are read as windows-1252, their superset: receivers that declare them mostly
    /// send windows-1252's characters in 0x80 to 0x9F (€, curly quotes) or bytes past 0x7F.
    /// </summary>
    public static Encoding ForCharset(string? charset)
    {
        var name = charset?.Trim().Trim('"').Trim();
        if (string.IsNullOrEmpty(name) || name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return Utf8;
        }
        if (name.Length > MaxCharsetLength)
        {
            return Utf8;
        }
        if (Known.TryGetValue(name, out var known))
        {
            return known;
        }
        var encoding = Lookup(WindowsSupersets.Contains(name) ? "windows-1252" : name);
        // Receivers name a handful of charsets; a receiver inventing a new one per answer must not grow this forever.
        if (Known.Count < MaxKnownCharsets)
        {
            Known.TryAdd(name, encoding);
        }
        return encoding;
    }

    private static Encoding Lookup(string name)
    {
        try
        {
            return Encoding.GetEncoding(name, EncoderFallback.ReplacementFallback, Replacement);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            // Part of the shared framework, so no package is needed; asked directly rather than registered, so no
            // other part of the app starts to accept code page names it does not expect.
            return CodePagesEncodingProvider.Instance.GetEncoding(name, EncoderFallback.ReplacementFallback, Replacement) ?? Utf8;
        }
    }

    private static (Encoding Encoding, int MarkLength)? FromByteOrderMark(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Utf8, 3),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false), 2),
        _ => null,
    };
}
