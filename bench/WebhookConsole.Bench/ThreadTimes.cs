using System.Globalization;

namespace WebhookConsole.Bench;

/// <summary>
/// The time one named thread of this process has spent on a core, as the Linux scheduler counts it
/// (<c>/proc/self/task/*/schedstat</c>). Null elsewhere, or when no thread has that name.
/// </summary>
internal readonly record struct ThreadTimes(TimeSpan OnCpu)
{
    public static ThreadTimes? Of(string threadName)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        try
        {
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n') == threadName)
                {
                    var nanoseconds = long.Parse(File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0], CultureInfo.InvariantCulture);
                    return new ThreadTimes(TimeSpan.FromTicks(nanoseconds / 100));
                }
            }
        }
        catch (IOException)
        {
            // The thread ended while it was being read.
        }
        return null;
    }
}
