using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;

namespace WebhookConsole;

/// <summary>
/// The Content-Security-Policy of each kind of response. Pages run only the app's own scripts: files served from this
/// origin (the console's, MudBlazor's, the Hangfire dashboard's) and inline scripts carrying the request's nonce (the
/// import map Blazor writes into every console page, the API reference's start-up script).
/// </summary>
internal static class ContentSecurityPolicy
{
    public const string HangfirePath = "/hangfire";

    // MudBlazor sets style attributes and writes its theme as a <style> element, so styles may be inline; scripts may not.
    // connect-src 'self' takes in the circuit's WebSocket (ws: or wss: on this host and port).
    private const string PageTemplate =
        "default-src 'self'; script-src 'self' 'nonce-{0}'; style-src 'self' 'unsafe-inline'; {1}"
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";

    // The Hangfire dashboard's pages name an empty data: URL as their icon.
    private const string HangfireImages = "img-src 'self' data:; ";

    /// <summary>JSON answers load nothing and are shown in no frame.</summary>
    public const string Api = "default-src 'none'; frame-ancestors 'none'";

    private static readonly object NonceKey = new();

    /// <summary>The policy of a page (anything but an API answer), with this request's nonce.</summary>
    public static string ForPage(HttpContext context)
    {
        var images = context.Request.Path.StartsWithSegments(HangfirePath) ? HangfireImages : "";
        return string.Format(CultureInfo.InvariantCulture, PageTemplate, context.Nonce(), images);
    }

    /// <summary>This request's nonce, made when first asked for; the page's inline scripts carry it.</summary>
    public static string Nonce(this HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            // URL-safe base64 ('-' and '_', which CSP allows): a '+' would be written into the page as an HTML entity.
            nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
            context.Items[NonceKey] = nonce;
        }
        return nonce;
    }
}
