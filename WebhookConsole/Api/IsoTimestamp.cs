using System.Globalization;
using System.Text.RegularExpressions;

namespace WebhookConsole.Api;

/// <summary>
/// Reads an ISO 8601 date-time (<c>2024-07-30T14:35:00Z</c>, <c>...+05:30</c>) as UTC; one without <c>Z</c> or an offset
/// is UTC already, as scripts commonly write UTC times (<c>2024-07-30T14:35:00.123456</c>). The shape is checked first:
/// the framework's parser also takes HTTP dates, other scripts' digits and trailing NUL characters or line ends.
/// </summary>
internal static partial class IsoTimestamp
{
    public const string Example = "2024-07-30T14:35:00Z";

    public static DateTime? Parse(string text) =>
        Shape().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed.UtcDateTime
            : null;

    public static string Fault(string name) => $"{name} must be an ISO 8601 date-time, e.g. {Example} (without Z or an offset it is read as UTC)";

    // ASCII digits only: \d would also take other scripts' digits. \z, not $, which also matches before a final line end.
    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?([Zz]|[+-][0-9]{2}:[0-9]{2})?\\z")]
    private static partial Regex Shape();
}
