using System.Globalization;

namespace WebhookConsole.Features.Dashboard;

/// <summary>
/// A webhook's latency sample as the database returns it: the durations in ms of its latest attempts in the period,
/// comma-separated (the one list type SQLite and PostgreSQL share); null when it made none.
/// </summary>
internal sealed record LatencySample(Guid WebhookId, string? Durations)
{
    /// <summary>The durations, ascending, ready for <see cref="Percentiles.NearestRank"/>.</summary>
    public List<int> Sorted()
    {
        var sorted = new List<int>();
        if (string.IsNullOrEmpty(Durations))
        {
            return sorted;
        }
        var text = Durations.AsSpan();
        foreach (var part in text.Split(','))
        {
            sorted.Add(int.Parse(text[part], NumberStyles.Integer, CultureInfo.InvariantCulture));
        }
        sorted.Sort();
        return sorted;
    }
}
