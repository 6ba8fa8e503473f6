namespace WebhookConsole.Dispatching.Signing;

/// <summary>The names a <see cref="SigningScheme"/> has in configuration, the API and the UI.</summary>
internal static class SigningSchemeNames
{
    private const string StandardName = "standard";
    private const string FrejunName = "frejun";
    private const string HexName = "hex";
    private const string NoneName = "none";

    /// <summary>The wire name of <paramref name="s"/>: "standard", "frejun", "hex" or "none".</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="s"/> is not a defined scheme.</exception>
    public static string ToWire(SigningScheme s) => s switch
    {
        SigningScheme.Standard => StandardName,
        SigningScheme.Frejun => FrejunName,
        SigningScheme.Hex => HexName,
        SigningScheme.None => NoneName,
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "Unknown signing scheme."),
    };

    /// <summary>
    /// Reads a wire name, ignoring case. Only the four names are accepted: no numbers, no surrounding
    /// whitespace. On failure <paramref name="s"/> is <see cref="SigningScheme.Standard"/>.
    /// </summary>
    public static bool TryParse(string? wire, out SigningScheme s)
    {
        if (string.Equals(wire, StandardName, StringComparison.OrdinalIgnoreCase))
        {
            s = SigningScheme.Standard;
            return true;
        }

        if (string.Equals(wire, FrejunName, StringComparison.OrdinalIgnoreCase))
        {
            s = SigningScheme.Frejun;
            return true;
        }

        if (string.Equals(wire, HexName, StringComparison.OrdinalIgnoreCase))
        {
            s = SigningScheme.Hex;
            return true;
        }

        if (string.Equals(wire, NoneName, StringComparison.OrdinalIgnoreCase))
        {
            s = SigningScheme.None;
            return true;
        }

        s = default;
        return false;
    }
}
