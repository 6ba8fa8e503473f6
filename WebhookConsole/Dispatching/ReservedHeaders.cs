namespace WebhookConsole.Dispatching;

/// <summary>Headers the dispatcher sets itself; a webhook's custom headers may not name them.</summary>
internal static class ReservedHeaders
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade",
        "Expect", "TE", "Trailer", "Proxy-Connection", "User-Agent",
        "webhook-id", "webhook-timestamp", "webhook-signature", "frejun-signature", "X-Webhook-Signature",
    };

    public static bool Contains(string name) => Names.Contains(name);
}
