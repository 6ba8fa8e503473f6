using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace WebhookConsole.Bench.Micro;

/// <summary>
/// Runs the BenchmarkDotNet micro-benchmarks: a short run, in this process (no child project to build),
/// allocations included. BenchmarkDotNet refuses a non-optimised build, so this needs <c>-c Release</c>.
/// </summary>
internal static class MicroBenchmarks
{
    public static void Run(string[] args)
    {
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default);
        BenchmarkSwitcher.FromTypes([typeof(TemplateRendererBenchmarks), typeof(WebhookSignerBenchmarks)])
            .Run(args.Length == 0 ? ["--filter", "*"] : args, config);
    }
}
