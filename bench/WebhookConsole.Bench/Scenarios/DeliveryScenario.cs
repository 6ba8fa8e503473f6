using System.Diagnostics;

namespace WebhookConsole.Bench.Scenarios;

/// <summary>
/// Deliveries per second end to end: events posted by <see cref="BenchSizes.Clients"/> clients to one environment,
/// timed from the first post to the last of their deliveries arriving at the receiver. <paramref name="name"/> heads
/// its line: the same scenario measures the <see cref="BenchRelay"/> when <paramref name="events"/> posts to it.
/// </summary>
internal sealed class DeliveryScenario(EventClient events, BenchReceiver receiver, TimeSpan drainTimeout, TextWriter log, string name = "delivery")
{
    public async Task<double> RunAsync(string environment, int count)
    {
        var receivedBefore = receiver.Count;
        long deliveries = 0;
        var started = Stopwatch.GetTimestamp();
        var cpu = CpuMeter.Start();
        await ClosedLoop.RunAsync(BenchSizes.Clients, count, async () =>
        {
            var posted = await events.PostAsync(environment);
            Interlocked.Add(ref deliveries, posted.DeliveryIds.Count);
        });
        var drained = await receiver.WaitForCountAsync(receivedBefore + deliveries, drainTimeout);
        var cores = cpu.Cores();
        var perEvent = cpu.PerEvent(count);
        var arrived = receiver.Count - receivedBefore;
        var elapsed = Stopwatch.GetElapsedTime(started, receiver.LastArrival);
        var dps = arrived / elapsed.TotalSeconds;
        log.WriteLine($"{name} ({environment}): {arrived} of {deliveries} deliveries of {count} events arrived in {elapsed.TotalSeconds:0.00} s = {dps:0} deliveries/s, CPU {cores}; {perEvent}"
            + (drained ? "" : $" (stopped waiting after {drainTimeout.TotalSeconds:0} s)"));
        return dps;
    }
}
