using System.Reflection;
using Microsoft.EntityFrameworkCore;
using WebhookConsole.Bench.Scenarios;
using WebhookConsole.Data;

namespace WebhookConsole.Bench;

/// <summary>Starts the receiver and the app, runs every scenario in order, and prints the summary as the last line.</summary>
internal static class BenchHarness
{
    public static async Task<int> RunAsync(BenchSizes sizes, bool withHistory, TextWriter log)
    {
        var configuration = typeof(Program).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "?";
        log.WriteLine($"WebhookConsole bench ({sizes.Name} run{(withHistory ? "" : " without the history")}, app built {configuration}, {Environment.ProcessorCount} cores)"
            + (configuration == "Release" ? "" : ": not a Release build, figures are not representative"));

        var directory = Path.Combine(Path.GetTempPath(), "webhookconsole-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var summary = new BenchSummary();
            using var memory = new MemorySampler();
            var databasePath = Path.Combine(directory, "bench.db");
            await using (var receiver = await BenchReceiver.StartAsync())
            using (var app = BenchAppHost.Start(databasePath))
            {
                var fixture = await BenchFixture.CreateAsync(app.Services, receiver.BaseUrl);
                using var events = new EventClient(app.BaseUrl, fixture.AccountId);

                memory.Phase = "warm-up";
                await new WarmupScenario(events, receiver, sizes.DrainTimeout, log).RunAsync(sizes.WarmupEvents);
                memory.Phase = "limit";
                summary["limit_rps"] = await new LimitScenario(receiver, log).RunAsync(sizes.LimitDuration);
                memory.Phase = "ingest";
                var ingest = new IngestScenario(events, receiver, sizes.DrainTimeout, log);
                summary["ingest_eps"] = await ingest.RunAsync(BenchFixture.SingleEnvironment, sizes.IngestEvents);
                summary["ingest10_eps"] = await ingest.RunAsync(BenchFixture.FanOutEnvironment, sizes.IngestFanOutEvents);
                memory.Phase = "delivery";
                var delivery = new DeliveryScenario(events, receiver, sizes.DrainTimeout, log);
                summary["delivery_dps"] = await delivery.RunAsync(BenchFixture.SingleEnvironment, sizes.DeliveryEvents);
                summary["delivery_ratio"] = summary["delivery_dps"] / summary["limit_rps"];
                // Not a summary figure: the same number of deliveries from a tenth of the events, so each event's
                // ingest is shared by ten deliveries and the figure shows the dispatcher's side more than the API's.
                var fannedOut = await delivery.RunAsync(BenchFixture.FanOutEnvironment, sizes.DeliveryEvents / BenchFixture.FanOut);
                log.WriteLine($"delivery ({BenchFixture.FanOutEnvironment}): {fannedOut / summary["limit_rps"]:0.000} of the limit (not in the summary)");
                // Not a summary figure: the summary's scenario with each event posted under an id of its own, as a
                // client that retries safely posts it, so the ingest looks each id up among those seen before.
                using (var identified = new EventClient(app.BaseUrl, fixture.AccountId, withIds: true))
                {
                    var withIds = await new DeliveryScenario(identified, receiver, sizes.DrainTimeout, log, "delivery with event ids")
                        .RunAsync(BenchFixture.SingleEnvironment, sizes.DeliveryEvents);
                    log.WriteLine($"delivery with event ids ({BenchFixture.SingleEnvironment}): {withIds / summary["limit_rps"]:0.000} of the limit (not in the summary)");
                }
                // Not a summary figure: a quarter as many events to a webhook whose receiver fails each delivery's first
                // request, so each delivery is sent twice, a second apart; its CPU and allocation per event show what a
                // retry costs beside a first attempt.
                await new DeliveryScenario(events, receiver, sizes.DrainTimeout, log, "delivery with one retry each")
                    .RunAsync(BenchFixture.RetryEnvironment, sizes.DeliveryEvents / 4);
                // Not a summary figure either: the same clients and events through a relay with nothing of the app in
                // it, the ceiling of this scenario's two HTTP exchanges per event.
                memory.Phase = "relay";
                await using (var relay = await BenchRelay.StartAsync(receiver))
                using (var relayEvents = new EventClient(relay.BaseUrl, fixture.AccountId))
                {
                    var relayed = await new DeliveryScenario(relayEvents, receiver, sizes.DrainTimeout, log, "relay").RunAsync(BenchFixture.SingleEnvironment, sizes.DeliveryEvents);
                    log.WriteLine($"relay ({BenchFixture.SingleEnvironment}): {relayed / summary["limit_rps"]:0.000} of the limit, the ceiling of two HTTP exchanges per event (not in the summary)");
                }
                memory.Phase = "latency";
                (summary["latency_p50_ms"], summary["latency_p99_ms"]) = await new LatencyScenario(events, receiver, sizes.DrainTimeout, log).RunAsync(sizes.LatencyDuration);

                if (withHistory)
                {
                    memory.Phase = "history";
                    await new HistorySeeder(app.ConnectionString, fixture, log).SeedAsync(sizes.HistoryDeliveries);
                    (summary["history_first_ms"], summary["history_filtered_ms"]) =
                        await new HistoryScenario(app.BaseUrl, app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), fixture, log).RunAsync();
                }
                // Not a summary figure: a minute of the delivery scenario's load, after the history when there is one,
                // as on a node that has been in service a while.
                memory.Phase = "soak";
                await new SoakScenario(events, receiver, databasePath, sizes.DrainTimeout, log)
                    .RunAsync(BenchFixture.SingleEnvironment, sizes.SoakDuration, withHistory ? $"{sizes.HistoryDeliveries} deliveries seeded" : "no history seeded");
                summary["peak_ws_mb"] = PeakMemory.Megabytes();
                if (memory.Largest is { } largest)
                {
                    log.WriteLine($"memory: peak working set {summary["peak_ws_mb"]:0} MiB; the largest of the samples taken ten times a second, "
                        + $"{largest.ResidentMb:0} MiB during {largest.Phase}, was {largest.AnonymousMb:0} anonymous (the GC had {largest.GcCommittedMb:0} committed), "
                        + $"{largest.FileMb:0} file-backed (binaries, SQLite's memory-mapped file), {largest.SharedMb:0} shared (the JIT's double-mapped code)");
                }
            }

            foreach (var line in summary.Targets())
            {
                log.WriteLine(line);
            }
            log.WriteLine(summary.ToString());
            return 0;
        }
        finally
        {
            // The seeded history is hundreds of megabytes; nothing of it is worth keeping.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
