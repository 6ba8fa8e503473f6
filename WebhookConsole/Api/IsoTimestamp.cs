using System.Globalization;
using System.Text.RegularExpressions;

namespace WebhookConsole.Api;

/// <summary>
/// Reads an ISO 8601 date-time that says its offset (<c>2024-07-30T14:35:00Z</c>, <c>...+05:30</c>), as UTC. The shape is
/// checked first: the framework's parser also takes HTTP dates, times without an offset (which it would read as UTC, so
/// a platform's local time would land hours off) and trailing NUL characters.
/// </summary>
internal static partial class IsoTimestamp
{
    public const string Example = "2024-07-30T14:35:00Z";

    public static DateTime? Parse(string text) =>
        Shape().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed.UtcDateTime
            : null;

    public static string Fault(string name) => $"{name} must be an ISO 8601 date-time with Z or an offset, e.g. {Example}";

    // ASCII digits only: \d would also take other scripts' digits. \z, not $, which also matches before a final line end.
    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?([Zz]|[+-][0-9]{2}:[0-9]{2})\\z")]
    private static partial Regex Shape();
}
