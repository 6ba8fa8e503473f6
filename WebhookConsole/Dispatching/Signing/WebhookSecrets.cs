using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;

namespace WebhookConsole.Dispatching.Signing;

/// <summary>Makes new signing secrets and checks the ones a client brings.</summary>
internal static class WebhookSecrets
{
    /// <summary>What every <see cref="SigningScheme.Standard"/> secret starts with, before the base64 of its key.</summary>
    public const string StandardPrefix = "whsec_";

    /// <summary>Random bytes in a generated secret.</summary>
    private const int GeneratedKeyBytes = 32;

    private const int MinStandardKeyBytes = 24;
    private const int MaxStandardKeyBytes = 64;
    private const int MinPlainLength = 16;
    private const int MaxPlainLength = 256;

    /// <summary>
    /// A new secret from the operating system's CSPRNG: for <see cref="SigningScheme.Standard"/>
    /// <c>whsec_</c> + base64 of a 32-byte key; for <see cref="SigningScheme.Frejun"/> and
    /// <see cref="SigningScheme.Hex"/> 64 lower-case hex characters (32 random bytes), used as-is
    /// (their UTF-8 bytes are the HMAC key); for <see cref="SigningScheme.None"/> the empty string.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scheme"/> is not a defined scheme.</exception>
    public static string Generate(SigningScheme scheme)
    {
        switch (scheme)
        {
            case SigningScheme.None:
                return string.Empty;
            case SigningScheme.Standard:
            case SigningScheme.Frejun:
            case SigningScheme.Hex:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown signing scheme.");
        }

        Span<byte> key = stackalloc byte[GeneratedKeyBytes];
        RandomNumberGenerator.Fill(key);
        try
        {
            return scheme == SigningScheme.Standard
                ? StandardPrefix + Convert.ToBase64String(key)
                : Convert.ToHexStringLower(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// Checks a secret a client typed in for <paramref name="scheme"/>. Returns <see langword="null"/> when
    /// it can be used, else a message to show to the user (it never repeats the secret).
    /// <list type="bullet">
    /// <item><see cref="SigningScheme.Standard"/>: <c>whsec_</c> followed by standard base64 (padded, no
    /// whitespace) of a 24- to 64-byte key. A bare base64 key without the prefix is refused.</item>
    /// <item><see cref="SigningScheme.Frejun"/>, <see cref="SigningScheme.Hex"/>: 16 to 256 printable ASCII
    /// characters, no whitespace.</item>
    /// <item><see cref="SigningScheme.None"/>: only the empty secret (nothing is signed).</item>
    /// </list>
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scheme"/> is not a defined scheme.</exception>
    public static string? Validate(SigningScheme scheme, string secret)
    {
        switch (scheme)
        {
            case SigningScheme.None:
                return string.IsNullOrEmpty(secret)
                    ? null
                    : "Webhooks with the \"none\" signing scheme are not signed, so they take no secret.";
            case SigningScheme.Standard:
                return ValidateStandard(secret);
            case SigningScheme.Frejun:
            case SigningScheme.Hex:
                return ValidatePlain(secret);
            default:
                throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown signing scheme.");
        }
    }

    private static string? ValidateStandard(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return "A secret is required.";
        }

        if (ContainsWhitespace(secret))
        {
            return "The secret must not contain spaces, tabs or line breaks.";
        }

        if (!secret.StartsWith(StandardPrefix, StringComparison.Ordinal))
        {
            return "A standard secret must start with \"whsec_\" followed by the base64-encoded key. "
                + "If the receiver gave you only the base64 key, put \"whsec_\" in front of it.";
        }

        var encodedKey = secret.AsSpan(StandardPrefix.Length);
        if (encodedKey.IsEmpty)
        {
            return "The secret has no key after \"whsec_\".";
        }

        if (!Base64.IsValid(encodedKey, out var keyBytes))
        {
            return "The part after \"whsec_\" is not valid base64.";
        }

        if (keyBytes is < MinStandardKeyBytes or > MaxStandardKeyBytes)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"The key after \"whsec_\" must decode to {MinStandardKeyBytes} to {MaxStandardKeyBytes} bytes; this one decodes to {keyBytes}.");
        }

        return null;
    }

    private static string? ValidatePlain(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return "A secret is required.";
        }

        if (ContainsWhitespace(secret))
        {
            return "The secret must not contain spaces, tabs or line breaks.";
        }

        foreach (var c in secret)
        {
            if (c is < '!' or > '~')
            {
                return "The secret may contain only printable ASCII characters: letters, digits and punctuation.";
            }
        }

        if (secret.Length is < MinPlainLength or > MaxPlainLength)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"The secret must be {MinPlainLength} to {MaxPlainLength} characters long; this one has {secret.Length}.");
        }

        return null;
    }

    private static bool ContainsWhitespace(string value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
