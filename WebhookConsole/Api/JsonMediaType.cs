using Microsoft.Net.Http.Headers;

namespace WebhookConsole.Api;

/// <summary>
/// The media types a request body may be sent as: <c>application/json</c> or a <c>+json</c> type, in UTF-8 (the only
/// encoding JSON has, RFC 8259). A body sent without a Content-Type is read as JSON too.
/// </summary>
internal static class JsonMediaType
{
    /// <summary>Why the request's Content-Type does not announce UTF-8 JSON, or null when it does or there is none.</summary>
    public static string? Refusal(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !(parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || (parsed.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
                    && parsed.SubType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))))
        {
            return $"the request body must be JSON sent as Content-Type: application/json, not {PrintableText.Of(contentType)}";
        }
        var charset = parsed.Charset.ToString().Trim('"');
        // "utf8" is not a registered name, but common enough in clients to be read as the one it means.
        if (charset.Length > 0 && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return $"the request body must be UTF-8 JSON (Content-Type: application/json; charset=utf-8), not charset {PrintableText.Of(charset)}";
        }
        return null;
    }
}
