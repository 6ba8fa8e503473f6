using System.Diagnostics;
using WebhookConsole.Data;

namespace WebhookConsole.Bench;

/// <summary>
/// The CPU this process used over a stretch of wall time, in cores: tells a scenario bound by CPU (near the
/// machine's core count) from one bound by waiting (well under it). Beside it, the share of that time the app's
/// SQLite writer (the one thread every event's and attempt's write passes) spent on a core: near 100 % would
/// mean the writer is what the figure is bound by. Then what the writer's metrics reported meanwhile: its
/// transactions, their writes and length, and how long a write waited for its commit (what an event's request spends
/// on the database). Per event, the CPU and the managed memory allocated (the whole process's, load generators and
/// receiver included); the allocation barely varies between runs of one build, so it shows what a change to the hot
/// path allocates, where the CPU and the throughput vary too much to show a small change.
/// </summary>
internal sealed class CpuMeter
{
    private readonly TimeSpan cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly ThreadTimes? writerAtStart = ThreadTimes.Of(SqliteWriter.ThreadName);
    private readonly WriterTotals writesAtStart = WriterMetricsListener.Shared.Read();
    private readonly long allocatedAtStart = GC.GetTotalAllocatedBytes();
    private readonly long startedAt = Stopwatch.GetTimestamp();

    public static CpuMeter Start() => new();

    /// <summary>E.g. "310 µs of CPU and 38.2 KiB allocated per event", over <paramref name="events"/> events since <see cref="Start"/>.</summary>
    public string PerEvent(long events)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedAtStart;
        return $"{cpu.TotalMicroseconds / events:0} µs of CPU and {allocated / 1024.0 / events:0.0} KiB allocated per event";
    }

    /// <summary>Cores busy on average since <see cref="Start"/>, e.g. "1.87 of 2 cores; SQLite writer on a core 52 %".</summary>
    public string Cores()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        var wall = Stopwatch.GetElapsedTime(startedAt);
        var text = $"{cpu.TotalSeconds / wall.TotalSeconds:0.00} of {Environment.ProcessorCount} cores";
        if (writerAtStart is { } start && ThreadTimes.Of(SqliteWriter.ThreadName) is { } end)
        {
            text += $"; {SqliteWriter.ThreadName} on a core {(end.OnCpu - start.OnCpu) / wall:0 %}";
        }
        var writes = WriterMetricsListener.Shared.Read().Since(writesAtStart);
        if (writes.Transactions > 0)
        {
            text += ", " + writes.Describe(wall);
        }
        return text;
    }
}
