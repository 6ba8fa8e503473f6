using System.Globalization;

namespace WebhookConsole.Bench;

/// <summary>
/// Reads <c>/proc/self/status</c> ten times a second and keeps the largest reading, so a run can tell what its peak
/// working set was made of and in which scenario it came. The peak itself is the kernel's high-water mark
/// (<see cref="PeakMemory"/>), which no sampling can miss; this only explains it. Reads nothing off Linux.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private const double KibPerMib = 1024;
    private const double BytesPerMib = 1024 * KibPerMib;

    private readonly Timer? timer;
    private readonly Lock gate = new();
    private MemorySample? largest;

    public MemorySampler()
    {
        if (OperatingSystem.IsLinux())
        {
            timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>The scenario under way, named in the sample taken during it.</summary>
    public string Phase { get; set; } = "start";

    /// <summary>The reading with the most resident memory so far; null off Linux.</summary>
    public MemorySample? Largest
    {
        get
        {
            lock (gate)
            {
                return largest;
            }
        }
    }

    private void Sample()
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                // e.g. "RssAnon:	  114688 kB"
                var parts = line.Split(':', 2);
                if (parts.Length == 2 && (parts[0].StartsWith("Rss", StringComparison.Ordinal) || parts[0] == "VmRSS"))
                {
                    values[parts[0]] = double.Parse(parts[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / KibPerMib;
                }
            }
        }
        catch (IOException)
        {
            return;
        }
        var sample = new MemorySample(
            values.GetValueOrDefault("VmRSS"), values.GetValueOrDefault("RssAnon"), values.GetValueOrDefault("RssFile"),
            values.GetValueOrDefault("RssShmem"), GC.GetGCMemoryInfo().TotalCommittedBytes / BytesPerMib, Phase);
        lock (gate)
        {
            if (largest is null || sample.ResidentMb > largest.ResidentMb)
            {
                largest = sample;
            }
        }
    }

    public void Dispose() => timer?.Dispose();
}
