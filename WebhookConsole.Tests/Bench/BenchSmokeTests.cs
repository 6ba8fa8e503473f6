using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace WebhookConsole.Tests.Bench;

/// <summary>
/// Runs the performance harness's few-second <c>--quick</c> mode as its own process, so the harness cannot rot.
/// It proves the harness works end to end; its figures mean nothing here.
/// </summary>
[Collection(Support.AppCollection.Name)]
public sealed class BenchSmokeTests
{
    private static readonly string[] Keys =
    [
        "limit_rps", "ingest_eps", "ingest10_eps", "delivery_dps", "delivery_ratio",
        "latency_p50_ms", "latency_p99_ms", "history_first_ms", "history_filtered_ms", "peak_ws_mb",
    ];

    [Fact]
    public async Task QuickRun_PrintsSummaryWithEveryKeyPositive_WhenHarnessRunsEndToEnd()
    {
        var start = new ProcessStartInfo("dotnet", [BenchAssemblyPath(), "--quick"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(BenchAssemblyPath())!,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The quick bench run did not finish within 3 minutes:\n" + await output);
        }

        var text = await output;
        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}\n{text}\n{await errors}");
        // The relay (nothing of the app in it) delivered every event it was posted.
        Assert.Matches(@"(?m)^relay \(bench-1\): (\d+) of \1 deliveries", text);
        // The app's SQLite writer metrics, as a metrics collector reads them, beside the delivery figure.
        Assert.Matches(@"(?m)^delivery \(bench-1\): .* \d+ transactions/s of [\d.]+ writes, [\d.]+ ms each; a write waited [\d.]+ ms for its commit", text);
        // The soak: every delivery accepted arrived, and a reading for each of its windows.
        Assert.Matches(@"(?m)^soak \(bench-1, 10000 deliveries seeded\): 8 clients for [\d.]+ s, \d+ events, (\d+) of \1 deliveries arrived", text);
        Assert.Matches(@"(?m)^soak, POST to 202: p50 [\d.]+ ms, p99 [\d.]+ ms, p99\.9 [\d.]+ ms, max [\d.]+ ms$", text);
        Assert.Matches(@"(?m)^soak, by [\d.]+ s window: deliveries/s \d+( \| \d+){5}; backlog at its end \d+( \| \d+){5}; SQLite log [\d.]+( \| [\d.]+){5} MiB; working set", text);
        if (OperatingSystem.IsLinux())
        {
            // What the peak working set was made of, read from /proc while the scenarios ran.
            Assert.Matches(@"(?m)^memory: peak working set \d+ MiB; .* during [a-z-]+, was \d+ anonymous", text);
        }
        // Every target is judged: the quick run measures each figure, history included.
        Assert.Equal(6, Regex.Matches(text, @"(?m)^target [a-z0-9_]+ (>=|<=) [\d.]+: (met|NOT met)$").Count);
        var summary = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        var figures = summary.Split(' ').Select(pair => pair.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(Keys, figures.Keys);
        foreach (var (key, value) in figures)
        {
            Assert.True(double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0 && double.IsFinite(number),
                $"{key}={value} is not a positive number in: {summary}");
        }
    }

    /// <summary>The harness's build output, beside this test project's (same configuration).</summary>
    private static string BenchAssemblyPath()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "WebhookConsole.sln")))
        {
            root = root.Parent;
        }
        if (root is null)
        {
            throw new InvalidOperationException("WebhookConsole.sln not found above " + AppContext.BaseDirectory);
        }
        var path = Path.Combine(root.FullName, "bench", "WebhookConsole.Bench", "bin", testBin.Parent!.Name, testBin.Name, "WebhookConsole.Bench.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the bench project first", path);
    }
}
