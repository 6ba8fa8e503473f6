using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WebhookConsole.Dispatching.Signing;

/// <summary>
/// Computes the signature header of one request attempt. Holds no state: one instance serves every
/// thread. A call allocates only the returned header value; messages and keys are built in stack or
/// pooled buffers, and key bytes are wiped after use.
/// </summary>
internal sealed class WebhookSigner
{
    /// <summary>Messages and keys up to this many bytes are built on the stack, longer ones in pooled arrays.</summary>
    private const int StackBytes = 1024;

    /// <summary>Header values up to this many chars are built on the stack (10 rotated standard secrets).</summary>
    private const int StackChars = 512;

    private const string StandardVersion = "v1,";

    /// <summary>"v1," followed by the 44-char base64 of a 32-byte HMAC-SHA256.</summary>
    private const int StandardSignatureLength = 3 + 44;

    /// <summary>
    /// Signs one request attempt.
    /// <list type="bullet">
    /// <item><see cref="SigningScheme.Standard"/>: <c>webhook-signature: v1,&lt;sig&gt;</c>, one signature
    /// per secret, space-separated in the order given (newest first).</item>
    /// <item><see cref="SigningScheme.Frejun"/>: <c>frejun-signature</c>, with <paramref name="secrets"/>[0] only.</item>
    /// <item><see cref="SigningScheme.Hex"/>: <c>X-Webhook-Signature</c>, with <paramref name="secrets"/>[0] only.</item>
    /// </list>
    /// Strings are signed as their UTF-8 bytes. When <paramref name="method"/> is GET the body is taken as
    /// the empty string, whatever is passed.
    /// </summary>
    /// <param name="scheme">The webhook's scheme.</param>
    /// <param name="secrets">The current secret first, then older ones still in their grace period (the
    /// caller decides which are). Standard secrets are <c>whsec_</c> + base64 of the key; the others are
    /// used as-is.</param>
    /// <param name="webhookId">The <c>webhook-id</c> header value.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> header value, Unix seconds of this attempt.</param>
    /// <param name="method">The HTTP method; upper-cased (ASCII) before signing.</param>
    /// <param name="absoluteUrl">The absolute URL exactly as requested, query included: pass the
    /// <see cref="Uri.AbsoluteUri"/> of the <see cref="Uri"/> the request is sent to, not the text the
    /// user typed, since <see cref="Uri"/> normalizes it (host case, default port, escaping).</param>
    /// <param name="body">The request body as sent.</param>
    /// <returns>The header to add, or <see langword="null"/> for <see cref="SigningScheme.None"/> or when
    /// <paramref name="secrets"/> is empty.</returns>
    /// <exception cref="ArgumentException">A secret needed for signing is empty or not in its scheme's
    /// form, or the id (standard) or method or URL (frejun) is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scheme"/> is not a defined scheme.</exception>
    [SuppressMessage("Performance", "CA1822:Mark members as static",
        Justification = "An instance method, so the signer can be injected and replaced as a singleton.")]
    public KeyValuePair<string, string>? Sign(SigningScheme scheme, IReadOnlyList<string> secrets,
        string webhookId, long timestamp, string method, string absoluteUrl, string body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(webhookId);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(absoluteUrl);
        ArgumentNullException.ThrowIfNull(body);

        if (scheme is not (SigningScheme.Standard or SigningScheme.Frejun or SigningScheme.Hex or SigningScheme.None))
        {
            throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown signing scheme.");
        }

        if (scheme == SigningScheme.None || secrets.Count == 0)
        {
            return null;
        }

        if (string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            body = string.Empty;
        }

        return scheme switch
        {
            SigningScheme.Standard => new KeyValuePair<string, string>(
                SignatureHeaders.Standard, SignStandard(secrets, webhookId, timestamp, body)),
            SigningScheme.Frejun => new KeyValuePair<string, string>(
                SignatureHeaders.Frejun, SignFrejun(secrets[0], method, absoluteUrl, body)),
            _ => new KeyValuePair<string, string>(
                SignatureHeaders.Hex, SignHex(secrets[0], body)),
        };
    }

    private static string SignStandard(IReadOnlyList<string> secrets, string webhookId, long timestamp, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);

        Span<byte> timestampText = stackalloc byte[20];
        if (!timestamp.TryFormat(timestampText, out var timestampLength, default, CultureInfo.InvariantCulture))
        {
            throw new UnreachableException("A long always fits in 20 bytes.");
        }

        var idLength = Encoding.UTF8.GetByteCount(webhookId);
        var length = checked(idLength + 1 + timestampLength + 1 + Encoding.UTF8.GetByteCount(body));

        byte[]? rentedMessage = null;
        char[]? rentedOutput = null;
        try
        {
            var message = (length <= StackBytes
                ? stackalloc byte[StackBytes]
                : (rentedMessage = ArrayPool<byte>.Shared.Rent(length)))[..length];

            var at = Encoding.UTF8.GetBytes(webhookId, message);
            message[at++] = (byte)'.';
            timestampText[..timestampLength].CopyTo(message[at..]);
            at += timestampLength;
            message[at++] = (byte)'.';
            Encoding.UTF8.GetBytes(body, message[at..]);

            var outputLength = checked((secrets.Count * (StandardSignatureLength + 1)) - 1);
            var output = (outputLength <= StackChars
                ? stackalloc char[StackChars]
                : (rentedOutput = ArrayPool<char>.Shared.Rent(outputLength)))[..outputLength];

            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            var written = 0;
            for (var i = 0; i < secrets.Count; i++)
            {
                if (i > 0)
                {
                    output[written++] = ' ';
                }

                HashWithStandardSecret(secrets[i], i, message, mac);
                StandardVersion.CopyTo(output[written..]);
                written += StandardVersion.Length;
                if (!Convert.TryToBase64Chars(mac, output[written..], out var macChars))
                {
                    throw new UnreachableException("The output was sized for every signature.");
                }

                written += macChars;
            }

            return new string(output[..written]);
        }
        finally
        {
            if (rentedMessage is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedMessage);
            }

            if (rentedOutput is not null)
            {
                ArrayPool<char>.Shared.Return(rentedOutput);
            }
        }
    }

    private static string SignFrejun(string secret, string method, string absoluteUrl, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(absoluteUrl);

        var methodLength = Encoding.UTF8.GetByteCount(method);
        var length = checked(methodLength + Encoding.UTF8.GetByteCount(absoluteUrl) + Encoding.UTF8.GetByteCount(body));

        byte[]? rented = null;
        try
        {
            var message = (length <= StackBytes
                ? stackalloc byte[StackBytes]
                : (rented = ArrayPool<byte>.Shared.Rent(length)))[..length];

            var at = Encoding.UTF8.GetBytes(method, message);
            foreach (ref var b in message[..at])
            {
                if (b is >= (byte)'a' and <= (byte)'z')
                {
                    b -= 'a' - 'A';
                }
            }

            at += Encoding.UTF8.GetBytes(absoluteUrl, message[at..]);
            Encoding.UTF8.GetBytes(body, message[at..]);

            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HashWithPlainSecret(secret, message, mac);
            return Convert.ToBase64String(mac);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static string SignHex(string secret, string body)
    {
        var length = Encoding.UTF8.GetByteCount(body);

        byte[]? rented = null;
        try
        {
            var message = (length <= StackBytes
                ? stackalloc byte[StackBytes]
                : (rented = ArrayPool<byte>.Shared.Rent(length)))[..length];
            Encoding.UTF8.GetBytes(body, message);

            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HashWithPlainSecret(secret, message, mac);
            return Convert.ToHexStringLower(mac);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>HMAC-SHA256 keyed with the bytes behind a <c>whsec_</c> secret.</summary>
    private static void HashWithStandardSecret(string? secret, int index, ReadOnlySpan<byte> message, Span<byte> mac)
    {
        if (secret is null || !secret.StartsWith(WebhookSecrets.StandardPrefix, StringComparison.Ordinal))
        {
            throw MalformedStandardSecret(index);
        }

        var encoded = secret.AsSpan(WebhookSecrets.StandardPrefix.Length);
        var maxKeyLength = ((encoded.Length / 4) + 1) * 3;

        byte[]? rented = null;
        var key = (maxKeyLength <= StackBytes
            ? stackalloc byte[StackBytes]
            : (rented = ArrayPool<byte>.Shared.Rent(maxKeyLength)))[..maxKeyLength];
        try
        {
            if (!Convert.TryFromBase64Chars(encoded, key, out var keyLength) || keyLength == 0)
            {
                throw MalformedStandardSecret(index);
            }

            HMACSHA256.HashData(key[..keyLength], message, mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>HMAC-SHA256 keyed with the UTF-8 bytes of the secret.</summary>
    private static void HashWithPlainSecret(string? secret, ReadOnlySpan<byte> message, Span<byte> mac)
    {
        if (string.IsNullOrEmpty(secret))
        {
            throw new ArgumentException("The signing secret (secrets[0]) is empty.");
        }

        var keyLength = Encoding.UTF8.GetByteCount(secret);

        byte[]? rented = null;
        var key = (keyLength <= StackBytes
            ? stackalloc byte[StackBytes]
            : (rented = ArrayPool<byte>.Shared.Rent(keyLength)))[..keyLength];
        try
        {
            Encoding.UTF8.GetBytes(secret, key);
            HMACSHA256.HashData(key, message, mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The secret itself is kept out of the message: exception text ends up in logs.</summary>
    private static ArgumentException MalformedStandardSecret(int index) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"The standard signing secret secrets[{index}] is not \"whsec_\" followed by the base64-encoded key."));
}
