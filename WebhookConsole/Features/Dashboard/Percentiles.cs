namespace WebhookConsole.Features.Dashboard;

internal static class Percentiles
{
    /// <summary>The nearest-rank percentile (<paramref name="percent"/> of 0–100) of values sorted ascending.</summary>
    public static int? NearestRank(IReadOnlyList<int> sorted, double percent)
    {
        if (sorted.Count == 0)
        {
            return null;
        }
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
