using System.Diagnostics;

namespace WebhookConsole.Bench;

/// <summary>Runs an operation a fixed number of times from a fixed number of concurrent clients, each starting its next as its last ends.</summary>
internal static class ClosedLoop
{
    /// <summary>Returns the wall time from the first start to the last end.</summary>
    public static async Task<TimeSpan> RunAsync(int clients, int total, Func<Task> operation)
    {
        var next = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= total)
            {
                await operation();
            }
        })));
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>As <see cref="RunAsync"/>, but for a fixed time instead of a count; returns how many completed.</summary>
    public static async Task<long> RunForAsync(int clients, TimeSpan duration, Func<Task> operation)
    {
        long done = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                await operation();
                Interlocked.Increment(ref done);
            }
        })));
        return done;
    }
}
