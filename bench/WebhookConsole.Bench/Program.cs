using WebhookConsole.Bench.Micro;

namespace WebhookConsole.Bench;

/// <summary>Named apart from the app's <c>Program</c>, which the harness hosts.</summary>
internal static class BenchProgram
{
    /// <summary>
    /// <c>--micro</c>: BenchmarkDotNet micro-benchmarks of the renderer and the signer (other arguments go to
    /// BenchmarkDotNet). Otherwise the end-to-end harness; <c>--quick</c> makes it a few-second smoke run, and
    /// <c>--no-history</c> leaves out the history scenario (a minute of seeding) while working on the dispatcher.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--micro"))
        {
            MicroBenchmarks.Run(args.Where(a => a != "--micro").ToArray());
            return 0;
        }
        var sizes = args.Contains("--quick") ? BenchSizes.Quick : BenchSizes.Full;
        return await BenchHarness.RunAsync(sizes, withHistory: !args.Contains("--no-history"), Console.Out);
    }
}
