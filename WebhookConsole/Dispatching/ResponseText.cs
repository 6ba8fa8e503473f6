using System.Buffers;
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

    /// <summary>
    /// Decodes <paramref name="bytes"/>. When <paramref name="complete"/> is false the body was cut (by the size cap
    /// or a broken connection), so a character whose bytes the cut splits is left out rather than shown broken.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? charset, bool complete)
    {
        var (encoding, markLength) = FromByteOrderMark(bytes) ?? (ForCharset(charset), 0);
        bytes = bytes[markLength..];
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

    /// <summary>The encoding a charset names, UTF-8 when it names none that .NET has.</summary>
    public static Encoding ForCharset(string? charset)
    {
        var name = charset?.Trim().Trim('"').Trim();
        if (string.IsNullOrEmpty(name) || name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return Utf8;
        }
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
