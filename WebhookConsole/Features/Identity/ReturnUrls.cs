namespace WebhookConsole.Features.Identity;

/// <summary>Where sign-in may send the browser back to.</summary>
internal static class ReturnUrls
{
    /// <summary>
    /// Only paths of this site: an absolute or protocol-relative URL would be an open redirect. Characters a
    /// <c>Location</c> header cannot carry (non-ASCII, controls, spaces) are percent-encoded as UTF-8.
    /// </summary>
    public static string Local(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? string.Concat(returnUrl.EnumerateRunes().Select(r => r.Value is > ' ' and < 0x7F ? r.ToString() : Uri.EscapeDataString(r.ToString())))
            : "/";
}
