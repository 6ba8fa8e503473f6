using System.Security.Cryptography;
using System.Text;

namespace WebhookConsole.Tests.Support;

/// <summary>Receiver-side verification, written from the vendors' formulas and independent of the app's signer.</summary>
public static class ReceiverSignatures
{
    /// <summary>Standard Webhooks: any <c>v1,</c> entry of the header matches HMAC(key, id.timestamp.body).</summary>
    public static bool VerifyStandard(ReceivedRequest request, string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = $"{request.Header("webhook-id")}.{request.Header("webhook-timestamp")}.{request.Body}";
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(signed)));
        return request.Header("webhook-signature").Split(' ').Contains(expected);
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
