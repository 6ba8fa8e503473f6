using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching;

/// <summary>
/// On SQLite a new run releases the leases of the run before it. That must be done before the first request: released
/// later, it would also release what this run's ingest had just leased and queued, which would then be sent twice.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RecoverySweepStartTests
{
    [Fact]
    public async Task LeftoverLeases_AreReleased_BeforeTheServerTakesRequests()
    {
        await using var app = new AppFactory();
        var accountId = await app.DefaultAccountIdAsync();
        var webhook = await app.Data.AddWebhookAsync(accountId, "https://leased.example");
        var delivery = await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, DateTime.UtcNow);
        await using (var db = app.Database.CreateContext())
        {
            // Left by a run that died mid-send: pending, leased for a while yet, not due before the lease ends.
            var until = DateTime.UtcNow.AddHours(1);
            await db.Deliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatus.Pending)
                .SetProperty(d => d.LeaseOwner, "a-run-that-died")
                .SetProperty(d => d.LeaseUntil, until)
                .SetProperty(d => d.NextAttemptAt, until));
        }

        // A new run on the same file, whose release of leases is slow, as on a busy machine.
        await using var restarted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(new SlowLeaseRelease())));
        _ = restarted.Server;

        await using var check = app.Database.CreateContext();
        Assert.Null(await check.Deliveries.Where(d => d.Id == delivery.Id).Select(d => d.LeaseOwner).SingleAsync());
    }

    /// <summary>Holds the statement that releases every lease for a second.</summary>
    private sealed class SlowLeaseRelease : DbCommandInterceptor
    {
        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"LeaseOwner\" = NULL", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            return result;
        }
    }
}
