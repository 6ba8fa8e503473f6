using System.Diagnostics;

namespace WebhookConsole.Bench;

/// <summary>The peak working set of this process: app, receiver and load generators together.</summary>
internal static class PeakMemory
{
    public static double Megabytes()
    {
        using var process = Process.GetCurrentProcess();
        // On Linux this is VmHWM, the high-water mark the kernel keeps, so no sampling can miss a peak.
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
