namespace WebhookConsole.Dispatching.Signing;

/// <summary>Names of the headers every delivery carries and of the signature header of each scheme.</summary>
internal static class SignatureHeaders
{
    /// <summary>The delivery id; the same on every attempt of one delivery.</summary>
    public const string WebhookId = "webhook-id";

    /// <summary>Unix seconds of this attempt.</summary>
    public const string WebhookTimestamp = "webhook-timestamp";

    /// <summary>Signature header of <see cref="SigningScheme.Standard"/>.</summary>
    public const string Standard = "webhook-signature";

    /// <summary>Signature header of <see cref="SigningScheme.Frejun"/>.</summary>
    public const string Frejun = "frejun-signature";

    /// <summary>Signature header of <see cref="SigningScheme.Hex"/>.</summary>
    public const string Hex = "X-Webhook-Signature";
}
