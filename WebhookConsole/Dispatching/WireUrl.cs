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
        var host = uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost.Trim('[', ']')}]" : uri.IdnHost;
        return $"{uri.Scheme}://{host}{port}{uri.PathAndQuery}";
    }

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
