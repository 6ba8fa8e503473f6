using System.Diagnostics;

namespace WebhookConsole.DashboardBench;

internal static class BenchTimer
{
    /// <summary>Runs <paramref name="action"/> once to warm up, then <paramref name="runs"/> times; the median in milliseconds.</summary>
    public static async Task<double> MedianMsAsync(Func<Task> action, int runs)
    {
        await action();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[runs / 2];
    }
}
