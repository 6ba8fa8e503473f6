namespace WebhookConsole.Dispatching;

/// <summary>
/// The absolute URL exactly as it goes on the wire: scheme, host, the port only when the webhook's URI names
/// one, then the percent-encoded path and query. FreJun signatures are computed over this string.
/// </summary>
internal static class WireUrl
{
    public static string Canonical(string url)
    {
        var uri = new Uri(url, UriKind.Absolute);
        var port = !uri.IsDefaultPort || NamesPort(uri.OriginalString) ? ":" + uri.Port : "";
        return $"{uri.Scheme}://{Host(uri)}{port}{uri.PathAndQuery}";
    }

    /// <summary>
    /// The <c>Host</c> header to send for <paramref name="uri"/> when HttpClient's own would differ from the URL that
    /// was signed: HttpClient leaves a scheme's default port out of <c>Host</c>, so a URI naming it (<c>:443</c> on
    /// https) gets the port written here, and a receiver rebuilding the URL from its request sees the port it was
    /// signed with. Null when HttpClient's header already matches.
    /// </summary>
    public static string? ExplicitHostHeader(Uri uri) =>
        uri.IsDefaultPort && NamesPort(uri.OriginalString) ? $"{Host(uri)}:{uri.Port}" : null;

    private static string Host(Uri uri) =>
        uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost.Trim('[', ']')}]" : uri.IdnHost;

    private static bool NamesPort(string original)
    {
        var start = original.IndexOf("://", StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }
        var authority = original[(start + 3)..];
        var end = authority.IndexOfAny(['/', '?', '#']);
        if (end >= 0)
        {
            authority = authority[..end];
        }
        authority = authority[(authority.LastIndexOf('@') + 1)..];
        var colon = authority.LastIndexOf(':');
        return colon > authority.LastIndexOf(']') && colon < authority.Length - 1;
    }
}
