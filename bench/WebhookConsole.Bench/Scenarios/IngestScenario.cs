namespace WebhookConsole.Bench.Scenarios;

/// <summary>
/// Events accepted per second by <c>POST .../events</c> from <see cref="BenchSizes.Clients"/> concurrent clients.
/// The dispatcher runs meanwhile, as it does in production; its backlog is drained before the next scenario.
/// </summary>
internal sealed class IngestScenario(EventClient events, BenchReceiver receiver, TimeSpan drainTimeout, TextWriter log)
{
    public async Task<double> RunAsync(string environment, int count)
    {
        var receivedBefore = receiver.Count;
        long deliveries = 0;
        var cpu = CpuMeter.Start();
        var elapsed = await ClosedLoop.RunAsync(BenchSizes.Clients, count, async () =>
        {
            var posted = await events.PostAsync(environment);
            Interlocked.Add(ref deliveries, posted.DeliveryIds.Count);
        });
        var eps = count / elapsed.TotalSeconds;
        log.WriteLine($"ingest ({environment}): {count} events ({deliveries} deliveries) accepted in {elapsed.TotalSeconds:0.00} s = {eps:0} events/s, CPU {cpu.Cores()}");

        if (!await receiver.WaitForCountAsync(receivedBefore + deliveries, drainTimeout))
        {
            log.WriteLine($"ingest ({environment}): backlog not drained within {drainTimeout.TotalSeconds:0} s ({receiver.Count - receivedBefore} of {deliveries} arrived)");
        }
        return eps;
    }
}
