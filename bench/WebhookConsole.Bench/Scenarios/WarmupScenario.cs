using System.Diagnostics;

namespace WebhookConsole.Bench.Scenarios;

/// <summary>
/// Runs every path the measured scenarios take (ingest to both environments, dispatch, receipt) for a while
/// before any clock starts, so the figures describe a node that has been up for a while: methods compiled by
/// the JIT's optimising tier, connection pools filled, SQLite's page cache warm. Measures nothing.
/// </summary>
internal sealed class WarmupScenario(EventClient events, BenchReceiver receiver, TimeSpan drainTimeout, TextWriter log)
{
    public async Task RunAsync(int count)
    {
        var receivedBefore = receiver.Count;
        long deliveries = 0;
        var posts = 0;
        var started = Stopwatch.GetTimestamp();
        await ClosedLoop.RunAsync(BenchSizes.Clients, count, async () =>
        {
            // One event in ten fans out, so both ingest paths are compiled.
            var environment = Interlocked.Increment(ref posts) % 10 == 0 ? BenchFixture.FanOutEnvironment : BenchFixture.SingleEnvironment;
            var posted = await events.PostAsync(environment);
            Interlocked.Add(ref deliveries, posted.DeliveryIds.Count);
        });
        var drained = await receiver.WaitForCountAsync(receivedBefore + deliveries, drainTimeout);
        log.WriteLine($"warm-up: {count} events ({deliveries} deliveries) in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"
            + (drained ? "" : $", backlog not drained within {drainTimeout.TotalSeconds:0} s"));
    }
}
