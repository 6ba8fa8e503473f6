using System.Diagnostics;

namespace WebhookConsole.Bench.Scenarios;

/// <summary>
/// Deliveries per second end to end: events posted by <see cref="BenchSizes.Clients"/> clients, each to one
/// webhook, timed from the first post to the last request arriving at the receiver.
/// </summary>
internal sealed class DeliveryScenario(EventClient events, BenchReceiver receiver, TimeSpan drainTimeout, TextWriter log)
{
    public async Task<double> RunAsync(int count)
    {
        var receivedBefore = receiver.Count;
        var started = Stopwatch.GetTimestamp();
        var cpu = CpuMeter.Start();
        await ClosedLoop.RunAsync(BenchSizes.Clients, count, () => events.PostAsync(BenchFixture.SingleEnvironment));
        var drained = await receiver.WaitForCountAsync(receivedBefore + count, drainTimeout);
        var cores = cpu.Cores();
        var arrived = receiver.Count - receivedBefore;
        var elapsed = Stopwatch.GetElapsedTime(started, receiver.LastArrival);
        var dps = arrived / elapsed.TotalSeconds;
        log.WriteLine($"delivery: {arrived} of {count} deliveries arrived in {elapsed.TotalSeconds:0.00} s = {dps:0} deliveries/s, CPU {cores}"
            + (drained ? "" : $" (stopped waiting after {drainTimeout.TotalSeconds:0} s)"));
        return dps;
    }
}
