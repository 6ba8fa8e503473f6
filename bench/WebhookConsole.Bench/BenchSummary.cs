using System.Globalization;

namespace WebhookConsole.Bench;

/// <summary>The figures of one run, printed as one <c>key=value</c> line, and the targets checked against them.</summary>
internal sealed class BenchSummary
{
    public static readonly string[] Keys =
    [
        "limit_rps", "ingest_eps", "ingest10_eps", "delivery_dps", "delivery_ratio",
        "latency_p50_ms", "latency_p99_ms", "history_first_ms", "history_filtered_ms", "peak_ws_mb",
    ];

    private readonly Dictionary<string, double> figures = new(StringComparer.Ordinal);

    public double this[string key]
    {
        get => figures.TryGetValue(key, out var value) ? value : double.NaN;
        set => figures[Keys.Contains(key) ? key : throw new ArgumentException("not a summary key: " + key, nameof(key))] = value;
    }

    /// <summary>One line per target of the issue: met, not met, or not measured in this run (<c>--no-history</c>).</summary>
    public IEnumerable<string> Targets()
    {
        yield return Target("delivery_dps", ">=", 2000);
        yield return Target("delivery_ratio", ">=", 0.25);
        yield return Target("ingest_eps", ">=", 3000);
        yield return Target("latency_p99_ms", "<=", 100);
        yield return Target("history_first_ms", "<=", 100);
        yield return Target("peak_ws_mb", "<=", 500);
    }

    public override string ToString() =>
        string.Join(' ', Keys.Select(k => $"{k}={Format(k, this[k])}"));

    private string Target(string key, string comparison, double bound)
    {
        var value = this[key];
        var met = comparison == ">=" ? value >= bound : value <= bound;
        var verdict = double.IsNaN(value) ? "not measured in this run" : met ? "met" : "NOT met";
        return $"target {key} {comparison} {bound.ToString(CultureInfo.InvariantCulture)}: {verdict}";
    }

    private static string Format(string key, double value) => key switch
    {
        "delivery_ratio" => value.ToString("0.000", CultureInfo.InvariantCulture),
        _ when key.EndsWith("_ms", StringComparison.Ordinal) => value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => value.ToString("0", CultureInfo.InvariantCulture),
    };
}
