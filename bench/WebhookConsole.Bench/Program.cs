using WebhookConsole.Bench.Micro;

namespace WebhookConsole.Bench;

/// <summary>Named apart from the app's <c>Program</c>, which the harness hosts.</summary>
internal static class BenchProgram
{
    /// <summary>
    /// <c>--micro</c>: BenchmarkDotNet micro-benchmarks of the renderer and the signer (other arguments go to
    /// BenchmarkDotNet). Otherwise the end-to-end harness; <c>--quick</c> makes it a few-second smoke run.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--micro"))
        {
            MicroBenchmarks.Run(args.Where(a => a != "--micro").ToArray());
            return 0;
        }
        return await BenchHarness.RunAsync(args.Contains("--quick") ? BenchSizes.Quick : BenchSizes.Full, Console.Out);
    }
}
