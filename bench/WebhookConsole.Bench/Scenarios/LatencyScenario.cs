using System.Diagnostics;

namespace WebhookConsole.Bench.Scenarios;

/// <summary>
/// Time from an event's <c>202</c> to its delivery's arrival at the receiver, at a steady
/// <see cref="BenchSizes.LatencyEventsPerSecond"/> events/s (open loop: the pace does not wait for answers).
/// </summary>
internal sealed class LatencyScenario(EventClient events, BenchReceiver receiver, TimeSpan drainTimeout, TextWriter log)
{
    public async Task<(double P50, double P99)> RunAsync(TimeSpan duration)
    {
        var count = (int)(duration.TotalSeconds * BenchSizes.LatencyEventsPerSecond);
        var interval = Stopwatch.Frequency / BenchSizes.LatencyEventsPerSecond;
        var receivedBefore = receiver.Count;
        receiver.TrackArrivals();

        var posts = new List<Task<PostedEvent>>(count);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = started + (i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            posts.Add(Task.Run(() => events.PostAsync(BenchFixture.SingleEnvironment)));
        }
        var accepted = await Task.WhenAll(posts);
        await receiver.WaitForCountAsync(receivedBefore + count, drainTimeout);
        var arrivals = receiver.StopTracking();

        // A delivery can reach the receiver before its 202 reaches the client (the dispatcher starts as the answer is
        // written); that is no wait at all, so it counts as zero.
        var latencies = accepted
            .Select(e => arrivals.TryGetValue(e.DeliveryIds[0], out var at) ? Math.Max(0, Stopwatch.GetElapsedTime(e.AcceptedAt, at).TotalMilliseconds) : double.NaN)
            .ToList();
        var missing = latencies.Count(double.IsNaN);
        var measured = latencies.Where(l => !double.IsNaN(l)).Order().ToArray();
        var p50 = Percentile.Of(measured, 0.50);
        var p99 = Percentile.Of(measured, 0.99);
        log.WriteLine($"latency: {count} events at {BenchSizes.LatencyEventsPerSecond}/s, 202 to arrival p50 {p50:0.0} ms, p99 {p99:0.0} ms, max {(measured.Length > 0 ? measured[^1] : double.NaN):0.0} ms"
            + (missing > 0 ? $", {missing} not arrived" : ""));
        return (p50, p99);
    }
}
