using System.Globalization;

namespace WebhookConsole.Data.Paging;

/// <summary>
/// Where a newest-first page starts: the (created, id) of the last item of the page before. On the wire it
/// is an opaque <c>start_key</c>.
/// </summary>
internal sealed record PageKey(DateTime CreatedAt, Guid Id)
{
    public override string ToString() =>
        CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture) + "_" + Id.ToString("N");

    public static PageKey? Parse(string text)
    {
        var parts = text.Split('_');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTime.MaxValue.Ticks
            && Guid.TryParseExact(parts[1], "N", out var id)
                ? new PageKey(new DateTime(ticks, DateTimeKind.Utc), id)
                : null;
    }
}
