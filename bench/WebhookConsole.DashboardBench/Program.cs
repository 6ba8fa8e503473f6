using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Data;
using WebhookConsole.DashboardBench;
using WebhookConsole.Features.Dashboard;
using WebhookConsole.Features.Deliveries;

// Seeds a throw-away SQLite database with a week of traffic, then times the dashboard's service and the delivery
// history's queries (a page and the pager's count, unfiltered and with each filter) on it.
const int Deliveries = 1_000_000;
const int Runs = 5;

// `--keep` leaves the database behind (its path is printed) for looking at query plans.
var keep = args.Contains("--keep");
var directory = Path.Combine(Path.GetTempPath(), "webhookconsole-dashboard-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(directory);
try
{
    var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "bench.db"), Pooling = true }.ToString();
    var services = new ServiceCollection()
        .AddDbContextFactory<AppDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmaInterceptor()))
        .AddSingleton(TimeProvider.System)
        .AddSingleton<DashboardService>()
        .AddSingleton<DeliveryQueryService>()
        .BuildServiceProvider();

    var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
    await using (var db = await factory.CreateDbContextAsync())
    {
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    var seedClock = Stopwatch.StartNew();
    var seeder = new BenchSeeder(connectionString, DateTime.UtcNow);
    var accountId = await seeder.SeedAsync(Deliveries);
    seedClock.Stop();

    var dashboard = services.GetRequiredService<DashboardService>();
    var day = await BenchTimer.MedianMsAsync(() => dashboard.GetAsync(accountId, DashboardPeriod.Last24Hours, CancellationToken.None), Runs);
    var week = await BenchTimer.MedianMsAsync(() => dashboard.GetAsync(accountId, DashboardPeriod.Last7Days, CancellationToken.None), Runs);
    var summary = await dashboard.GetAsync(accountId, DashboardPeriod.Last7Days, CancellationToken.None);

    Console.WriteLine($"deliveries_7d={summary.Totals.Deliveries} events_7d={summary.Totals.Events} webhooks={summary.Webhooks.Count} queue={summary.Queue.Total}");
    var history = await HistoryTimings.MeasureAsync(services.GetRequiredService<DeliveryQueryService>(), accountId, seeder, Runs);
    foreach (var (name, page, count) in history)
    {
        Console.WriteLine($"history {name,-12} page_ms={page:F1} count_ms={count:F1}");
    }
    Console.WriteLine($"dashboard_ms={day:F0} dashboard_7d_ms={week:F0} history_first_ms={history[0].PageMs:F1} "
        + $"history_filtered_max_ms={history.Skip(1).Max(h => h.PageMs):F1} history_count_max_ms={history.Max(h => h.CountMs):F1} "
        + $"seed_s={seedClock.Elapsed.TotalSeconds:F1}");
}
finally
{
    SqliteConnection.ClearAllPools();
    if (keep)
    {
        Console.WriteLine($"database={Path.Combine(directory, "bench.db")}");
    }
    else
    {
        Directory.Delete(directory, recursive: true);
    }
}
