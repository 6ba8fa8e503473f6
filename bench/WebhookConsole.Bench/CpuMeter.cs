using System.Diagnostics;

namespace WebhookConsole.Bench;

/// <summary>
/// The CPU this process used over a stretch of wall time, in cores: tells a scenario bound by CPU (near the
/// machine's core count) from one bound by waiting (well under it).
/// </summary>
internal sealed class CpuMeter
{
    private readonly TimeSpan cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long startedAt = Stopwatch.GetTimestamp();

    public static CpuMeter Start() => new();

    /// <summary>Cores busy on average since <see cref="Start"/>, e.g. "1.87 of 2 cores".</summary>
    public string Cores()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        var wall = Stopwatch.GetElapsedTime(startedAt);
        return $"{cpu.TotalSeconds / wall.TotalSeconds:0.00} of {Environment.ProcessorCount} cores";
    }
}
