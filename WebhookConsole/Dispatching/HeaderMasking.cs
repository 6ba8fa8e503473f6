using WebhookConsole.Dispatching.Signing;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Hides credential-like header values wherever headers are stored or shown: the delivery history, the API's
/// attempts, the audit log.
/// </summary>
internal static class HeaderMasking
{
    public const string Mask = "********";

    private static readonly string[] SensitiveParts =
        ["auth", "token", "secret", "pass", "pwd", "key", "cookie", "session", "credential", "signature", "jwt", "bearer"];

    // Authorization schemes (the IANA registry's, and a few common ones), as a value starting "<scheme> " names them.
    private static readonly string[] Schemes =
        ["Basic", "Bearer", "Digest", "DPoP", "GNAP", "HOBA", "Mutual", "Negotiate", "NTLM", "OAuth", "PrivateToken",
        "SCRAM-SHA-1", "SCRAM-SHA-256", "vapid", "AWS4-HMAC-SHA256", "Token", "ApiKey", "Api-Key", "Hawk", "Kerberos"];

    // The dispatcher's own signature headers: one request's HMAC, which receivers' developers compare while debugging,
    // not a reusable credential. A webhook's custom headers may not use these names.
    private static readonly HashSet<string> ShownSignatures =
        new([SignatureHeaders.Standard, SignatureHeaders.Frejun, SignatureHeaders.Hex], StringComparer.OrdinalIgnoreCase);

    public static string Value(string name, string value) => IsSensitive(name, value) ? Mask : value;

    private static bool IsSensitive(string name, string value) =>
        (SensitiveParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase)) && !ShownSignatures.Contains(name))
        || StartsWithScheme(value.AsSpan().TrimStart())
        || LooksLikeJwt(value.AsSpan().Trim());

    private static bool StartsWithScheme(ReadOnlySpan<char> value)
    {
        foreach (var scheme in Schemes)
        {
            if (value.Length > scheme.Length && value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && value[scheme.Length] == ' ')
            {
                return true;
            }
        }
        return false;
    }

    // A JSON Web Token, bare: base64url of a JSON header ("eyJ" is the encoding of '{"'), a payload and a signature.
    private static bool LooksLikeJwt(ReadOnlySpan<char> value) =>
        value.StartsWith("eyJ", StringComparison.Ordinal) && value.Count('.') == 2;
}
