using System.Security.Cryptography;
using System.Text;

namespace WebhookConsole.Tests.Support;

/// <summary>Receiver-side verification, written from the vendors' formulas and independent of the app's signer.</summary>
public static class ReceiverSignatures
{
    /// <summary>How far a Standard Webhooks receiver lets <c>webhook-timestamp</c> stray from its clock (the libraries' default).</summary>
    public static readonly TimeSpan StandardTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Standard Webhooks: any <c>v1,</c> entry of the header matches HMAC(key, id.timestamp.body).</summary>
    public static bool VerifyStandard(ReceivedRequest request, string secret) =>
        StandardEntriesVerifiedBy(request, secret).Count > 0;

    /// <summary>
    /// Standard Webhooks as its libraries verify: <c>webhook-id</c> and <c>webhook-timestamp</c> present, the timestamp
    /// within <see cref="StandardTolerance"/> of <paramref name="now"/>, and some <c>v1,</c> entry of the space-separated
    /// <c>webhook-signature</c> equal (in constant time) to base64 HMAC-SHA256(base64-decoded key after <c>whsec_</c>,
    /// UTF-8 of <c>id.timestamp.body</c>).
    /// </summary>
    public static bool VerifyStandard(ReceivedRequest request, string secret, DateTimeOffset now)
    {
        if (request.Header("webhook-id").Length == 0
            || !long.TryParse(request.Header("webhook-timestamp"), out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > StandardTolerance)
        {
            return false;
        }
        return VerifyStandard(request, secret);
    }

    /// <summary>The entries of <c>webhook-signature</c> that <paramref name="secret"/> verifies.</summary>
    public static IReadOnlyList<string> StandardEntriesVerifiedBy(ReceivedRequest request, string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = $"{request.Header("webhook-id")}.{request.Header("webhook-timestamp")}.{request.Body}";
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(signed));
        return StandardEntries(request).Where(entry => entry.StartsWith("v1,", StringComparison.Ordinal)
            && TryBase64(entry[3..]) is { } given
            && CryptographicOperations.FixedTimeEquals(given, expected)).ToList();
    }

    /// <summary>The space-separated entries of <c>webhook-signature</c>, each <c>version,signature</c>.</summary>
    public static IReadOnlyList<string> StandardEntries(ReceivedRequest request) =>
        request.Header("webhook-signature").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static byte[]? TryBase64(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var written) ? bytes[..written] : null;
    }

    /// <summary>FreJun: base64 HMAC(secret, METHOD + absolute URL + body).</summary>
    public static bool VerifyFrejun(ReceivedRequest request, string secret)
    {
        var signed = request.Method.ToUpperInvariant() + request.AbsoluteUrl + request.Body;
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(signed)));
        return request.Header("frejun-signature") == expected;
    }

    /// <summary>Volubile: lower-case hex HMAC(secret, body).</summary>
    public static bool VerifyHex(ReceivedRequest request, string secret)
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(request.Body)));
        return request.Header("X-Webhook-Signature") == expected;
    }
}
