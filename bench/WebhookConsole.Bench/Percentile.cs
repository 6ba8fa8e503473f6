namespace WebhookConsole.Bench;

/// <summary>Nearest-rank percentiles of sorted values.</summary>
internal static class Percentile
{
    /// <summary>The value at <paramref name="p"/> (0 to 1) of <paramref name="sorted"/>; NaN when there is none.</summary>
    public static double Of(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
