using System.Collections.Concurrent;
using System.Diagnostics;

namespace WebhookConsole.Bench.Scenarios;

/// <summary>
/// Sustained load: the delivery scenario's clients for a fixed time rather than a fixed count, read at the end of
/// each of <see cref="Windows"/> equal windows, so that what only shows over time shows: a throughput that sags, a
/// backlog that grows, a write-ahead log file that keeps growing, a heap that does not stop growing; and how long each
/// event's POST took to be answered, to its slowest, where a pause of the writer shows.
/// </summary>
internal sealed class SoakScenario(EventClient events, BenchReceiver receiver, string databasePath, TimeSpan drainTimeout, TextWriter log)
{
    public const int Windows = 6;

    public async Task RunAsync(string environment, TimeSpan duration, string stored)
    {
        var window = duration / Windows;
        var receivedBefore = receiver.Count;
        long accepted = 0;
        var answers = new ConcurrentQueue<double>();
        var cpu = CpuMeter.Start();
        var writesAtStart = WriterMetricsListener.Shared.Read();
        var started = Stopwatch.GetTimestamp();
        var load = ClosedLoop.RunForAsync(BenchSizes.Clients, duration, async () =>
        {
            var posting = Stopwatch.GetTimestamp();
            var posted = await events.PostAsync(environment);
            answers.Enqueue(Stopwatch.GetElapsedTime(posting, posted.AcceptedAt).TotalMilliseconds);
            Interlocked.Add(ref accepted, posted.DeliveryIds.Count);
        });

        var windows = new List<SoakWindow>(Windows);
        var arrivedBefore = receivedBefore;
        for (var i = 1; i <= Windows; i++)
        {
            var wait = (window * i) - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            var arrived = receiver.Count;
            // A delivery can arrive before its 202 reaches the client: counted once both are in, never below zero.
            var backlog = Math.Max(0, Interlocked.Read(ref accepted) - (arrived - receivedBefore));
            windows.Add(new SoakWindow((arrived - arrivedBefore) / window.TotalSeconds, backlog, LogMegabytes(), Environment.WorkingSet / 1048576.0));
            arrivedBefore = arrived;
        }
        var posts = await load;
        var cores = cpu.Cores();
        var drained = await receiver.WaitForCountAsync(receivedBefore + Interlocked.Read(ref accepted), drainTimeout);
        var perEvent = cpu.PerEvent(posts);
        var total = receiver.Count - receivedBefore;
        var dps = total / Stopwatch.GetElapsedTime(started, receiver.LastArrival).TotalSeconds;

        log.WriteLine($"soak ({environment}, {stored}): {BenchSizes.Clients} clients for {duration.TotalSeconds:0.#} s, {posts} events, {total} of {accepted} deliveries arrived = {dps:0} deliveries/s, CPU {cores}; {perEvent}"
            + (drained ? "" : $" (stopped waiting after {drainTimeout.TotalSeconds:0} s)"));
        var answered = answers.Order().ToArray();
        log.WriteLine($"soak, POST to 202: p50 {Percentile.Of(answered, 0.50):0.00} ms, p99 {Percentile.Of(answered, 0.99):0.00} ms, "
            + $"p99.9 {Percentile.Of(answered, 0.999):0.00} ms, max {Percentile.Of(answered, 1):0.00} ms");
        var catchUps = WriterMetricsListener.Shared.CatchUpsSince(writesAtStart);
        log.WriteLine($"soak, writers held back by {catchUps.Length} checkpoint catch-ups"
            + (catchUps.Length > 0 ? $": p50 {Percentile.Of(catchUps, 0.50):0.0} ms, p99 {Percentile.Of(catchUps, 0.99):0.0} ms, max {Percentile.Of(catchUps, 1):0.0} ms, {catchUps.Sum() / 1000:0.00} s in all" : ""));
        log.WriteLine($"soak, by {window.TotalSeconds:0.#} s window: deliveries/s {Join(windows, w => $"{w.DeliveriesPerSecond:0}")}; "
            + $"backlog at its end {Join(windows, w => $"{w.Backlog}")}; SQLite log {Join(windows, w => $"{w.LogMb:0.0}")} MiB; "
            + $"working set {Join(windows, w => $"{w.WorkingSetMb:0}")} MiB"
            + (windows[0].DeliveriesPerSecond > 0 ? $"; the last window made {windows[^1].DeliveriesPerSecond / windows[0].DeliveriesPerSecond:0.00} of the first" : ""));
    }

    private double LogMegabytes()
    {
        var wal = new FileInfo(databasePath + "-wal");
        return wal.Exists ? wal.Length / 1048576.0 : 0;
    }

    private static string Join(List<SoakWindow> windows, Func<SoakWindow, string> value) => string.Join(" | ", windows.Select(value));
}
