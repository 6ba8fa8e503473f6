namespace WebhookConsole.Dispatching.Signing;

/// <summary>How the requests of one webhook are signed.</summary>
internal enum SigningScheme
{
    /// <summary>
    /// Standard Webhooks: <c>webhook-signature: v1,&lt;base64 HMAC-SHA256 of "{id}.{timestamp}.{body}"&gt;</c>,
    /// keyed with the bytes behind a <c>whsec_</c> secret. The default.
    /// </summary>
    Standard,

    /// <summary>FreJun: <c>frejun-signature</c>, base64 HMAC-SHA256 of method + absolute URL + body.</summary>
    Frejun,

    /// <summary>Volubile: <c>X-Webhook-Signature</c>, lower-case hex HMAC-SHA256 of the body.</summary>
    Hex,

    /// <summary>Requests are not signed.</summary>
    None,
}
