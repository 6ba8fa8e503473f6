using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Data;
using WebhookConsole.DashboardBench;
using WebhookConsole.Features.Dashboard;

// Seeds a throw-away SQLite database with a week of traffic, then times the dashboard's service on it.
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
        .BuildServiceProvider();

    var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
    await using (var db = await factory.CreateDbContextAsync())
    {
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    var seedClock = Stopwatch.StartNew();
    var accountId = await new BenchSeeder(connectionString, DateTime.UtcNow).SeedAsync(Deliveries);
    seedClock.Stop();

    var dashboard = services.GetRequiredService<DashboardService>();
    var day = await BenchTimer.MedianMsAsync(() => dashboard.GetAsync(accountId, DashboardPeriod.Last24Hours, CancellationToken.None), Runs);
    var week = await BenchTimer.MedianMsAsync(() => dashboard.GetAsync(accountId, DashboardPeriod.Last7Days, CancellationToken.None), Runs);
    var summary = await dashboard.GetAsync(accountId, DashboardPeriod.Last7Days, CancellationToken.None);

    Console.WriteLine($"deliveries_7d={summary.Totals.Deliveries} events_7d={summary.Totals.Events} webhooks={summary.Webhooks.Count} queue={summary.Queue.Total}");
    Console.WriteLine($"dashboard_ms={day:F0} dashboard_7d_ms={week:F0} seed_s={seedClock.Elapsed.TotalSeconds:F1}");
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
