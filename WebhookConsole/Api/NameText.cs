namespace WebhookConsole.Api;

/// <summary>
/// The one rule for every name an admin types (webhooks, environments, event types, accounts, API tokens), in the API
/// and the console alike. A name is one line of plain text shown in tables, menus, dialogs' titles and the audit log:
/// line breaks, tabs and other control characters (C0, DEL, C1, U+2028 and U+2029) would break those lines, and the
/// characters that reorder text (U+202E and the other bidirectional controls) or hide in it (U+200B) would make a name
/// read as another.
/// Spaces at either end are trimmed, as the console has always done.
/// </summary>
internal static class NameText
{
    // Every character string.Trim() takes that IsRefused does not: U+0020, U+00A0, U+1680, U+2000 to U+200A,
    // U+202F, U+205F and U+3000.
    private static readonly char[] Spaces =
    [
        ' ', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008',
        '\u2009', '\u200A', '\u202F', '\u205F', '\u3000',
    ];

    /// <summary>The name checked and trimmed, or null with a fault on <paramref name="field"/> (and null for null).</summary>
    public static string? Check(string field, string? name, FieldErrors errors)
    {
        if (name is null)
        {
            return null;
        }
        if (name.Any(IsRefused))
        {
            errors.Add(field, "format", $"{field} cannot contain line breaks or control characters");
            return null;
        }
        return Trim(name);
    }

    /// <summary>
    /// <see cref="Check"/> for a name that must be given and fit <paramref name="maxLength"/>: the name, or null with one
    /// fault on <paramref name="field"/>.
    /// </summary>
    public static string? CheckRequired(string field, string? name, int maxLength, FieldErrors errors)
    {
        var checkedName = Check(field, name ?? "", errors);
        if (checkedName is { Length: 0 })
        {
            errors.Add(field, "required", "Enter a name.");
            return null;
        }
        if (checkedName is { Length: var length } && length > maxLength)
        {
            errors.Add(field, "maxLength", $"Use at most {maxLength} characters.");
            return null;
        }
        return checkedName;
    }

    /// <summary>
    /// The name without the spaces around it. Only spaces are trimmed, never a refused character, so a name ending in a
    /// line break is refused wherever it is trimmed first.
    /// </summary>
    public static string Trim(string name) => name.Trim(Spaces);

    public static bool IsRefused(char c) =>
        char.IsControl(c)
        // Line and paragraph separators: line breaks that are not control characters.
        || c is '\u2028' or '\u2029'
        // Bidirectional marks, embeddings, overrides and isolates.
        || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
        // Invisible format characters, which make "prod" and "pro\u200Bd" two names that read alike: soft hyphen, zero
        // width space, word joiner and its kin, byte order mark. The zero width (non-)joiners stay: scripts and emoji need them.
        || c is '\u00AD' or '\u200B' or (>= '\u2060' and <= '\u2064') or '\uFEFF';
}
