using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WebhookConsole.Data;
using WebhookConsole.Features.Dashboard;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Dashboard;

/// <summary>
/// The dashboard's figures at a fixed time, run once per database provider by the derived classes. The time is
/// years ahead, so the dispatcher's sweep never touches the queued deliveries arranged here.
/// </summary>
public abstract class DashboardServiceTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2030, 1, 15, 10, 30, 0, DateTimeKind.Utc);

    private AppFactory app = null!;
    private DashboardService dashboard = null!;
    private Guid accountId;

    public async Task InitializeAsync()
    {
        app = new AppFactory(database: await CreateDatabaseAsync());
        accountId = await app.DefaultAccountIdAsync();
        dashboard = new DashboardService(app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), new FakeTimeProvider(Now));
    }

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task GetAsync_CountsEachHourAndItsSuccessRate_WhenDeliveriesSitOnBucketBoundaries()
    {
        var webhook = await app.Data.AddWebhookAsync(accountId, "http://127.0.0.1:9/a");
        await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, new DateTime(2030, 1, 14, 10, 59, 59, DateTimeKind.Utc), DeliveryStatus.Succeeded);
        await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, new DateTime(2030, 1, 14, 11, 0, 0, DateTimeKind.Utc), DeliveryStatus.Succeeded);
        await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, new DateTime(2030, 1, 15, 9, 59, 59, DateTimeKind.Utc), DeliveryStatus.Failed);
        await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, new DateTime(2030, 1, 15, 10, 0, 0, DateTimeKind.Utc), DeliveryStatus.Succeeded);
        await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, new DateTime(2030, 1, 15, 10, 29, 0, DateTimeKind.Utc), DeliveryStatus.Failed);
        var other = await app.Data.AddAccountWithTokenAsync("other");
        var otherWebhook = await app.Data.AddWebhookAsync(other.AccountId, "http://127.0.0.1:9/other");
        await app.Data.AddFinishedDeliveryAsync(other.AccountId, otherWebhook.Id, Now.AddMinutes(-5), DeliveryStatus.Failed);

        var summary = await dashboard.GetAsync(accountId, DashboardPeriod.Last24Hours, CancellationToken.None);

        Assert.Equal(new DateTime(2030, 1, 14, 11, 0, 0, DateTimeKind.Utc), summary.From);
        Assert.Equal(24, summary.Buckets.Count);
        Assert.Equal(new DateTime(2030, 1, 15, 10, 0, 0, DateTimeKind.Utc), summary.Buckets[23].Start);
        Assert.Equal((1, 0), (summary.Buckets[0].Succeeded, summary.Buckets[0].Failed));
        Assert.Equal((0, 1), (summary.Buckets[22].Succeeded, summary.Buckets[22].Failed));
        Assert.Equal((1, 1), (summary.Buckets[23].Succeeded, summary.Buckets[23].Failed));
        Assert.Equal(0.5, summary.Buckets[23].SuccessRate);
        Assert.Null(summary.Buckets[5].SuccessRate);
        Assert.Equal(new DashboardTotals(Events: 4, Deliveries: 4, Succeeded: 2, Failed: 2, InProgress: 0), summary.Totals);
        Assert.Equal(0.5, summary.Totals.SuccessRate);
        var row = Assert.Single(summary.Webhooks);
        Assert.Equal((webhook.Id, 2, 2), (row.WebhookId, row.Succeeded, row.Failed));
    }

    [Fact]
    public async Task GetAsync_LeavesTestSendsOut_OfEventsAndDeliveries()
    {
        var webhook = await app.Data.AddWebhookAsync(accountId, "http://127.0.0.1:9/a");
        await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, Now.AddMinutes(-20), DeliveryStatus.Succeeded);
        var test = await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, Now.AddMinutes(-10), DeliveryStatus.Succeeded);
        await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, Now.AddHours(-5), DeliveryStatus.Failed, isTest: true);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Deliveries.Where(d => d.Id == test.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.IsTest, true));
        }

        var summary = await dashboard.GetAsync(accountId, DashboardPeriod.Last24Hours, CancellationToken.None);

        Assert.Equal(new DashboardTotals(Events: 1, Deliveries: 1, Succeeded: 1, Failed: 0, InProgress: 0), summary.Totals);
        Assert.Equal(0, summary.Buckets.Sum(b => b.Failed));
    }

    [Fact]
    public async Task GetAsync_CountsEachUtcDay_WhenThePeriodIsSevenDays()
    {
        var webhook = await app.Data.AddWebhookAsync(accountId, "http://127.0.0.1:9/a");
        await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, new DateTime(2030, 1, 8, 23, 59, 59, DateTimeKind.Utc), DeliveryStatus.Succeeded);
        await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, new DateTime(2030, 1, 9, 0, 0, 0, DateTimeKind.Utc), DeliveryStatus.Succeeded);
        await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, new DateTime(2030, 1, 12, 23, 59, 59, DateTimeKind.Utc), DeliveryStatus.Failed);
        await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, new DateTime(2030, 1, 13, 0, 0, 0, DateTimeKind.Utc), DeliveryStatus.Succeeded);
        await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, new DateTime(2030, 1, 15, 10, 0, 0, DateTimeKind.Utc), DeliveryStatus.Succeeded);

        var summary = await dashboard.GetAsync(accountId, DashboardPeriod.Last7Days, CancellationToken.None);

        Assert.Equal(new DateTime(2030, 1, 9, 0, 0, 0, DateTimeKind.Utc), summary.From);
        Assert.Equal([1, 0, 0, 0, 1, 0, 1], summary.Buckets.Select(b => b.Succeeded));
        Assert.Equal([0, 0, 0, 1, 0, 0, 0], summary.Buckets.Select(b => b.Failed));
        Assert.Equal(4, summary.Totals.Deliveries);
        Assert.Equal(0.75, summary.Totals.SuccessRate);
    }

    [Fact]
    public async Task GetAsync_GivesNearestRankPercentilesPerWebhook_WhenAttemptsHaveDurations()
    {
        var slow = await app.Data.AddWebhookAsync(accountId, "http://127.0.0.1:9/slow", w => w.Name = "slow");
        var fast = await app.Data.AddWebhookAsync(accountId, "http://127.0.0.1:9/fast", w => w.Name = "fast");
        await AddAttemptsAsync(slow.Id, Enumerable.Range(1, 100).Reverse());
        await AddAttemptsAsync(fast.Id, [30, 10, 20]);

        var summary = await dashboard.GetAsync(accountId, DashboardPeriod.Last24Hours, CancellationToken.None);

        var slowRow = summary.Webhooks.Single(w => w.WebhookId == slow.Id);
        Assert.Equal((100, 50, 95), (slowRow.SampledAttempts, slowRow.P50Ms, slowRow.P95Ms));
        var fastRow = summary.Webhooks.Single(w => w.WebhookId == fast.Id);
        Assert.Equal((3, 20, 30), (fastRow.SampledAttempts, fastRow.P50Ms, fastRow.P95Ms));
    }

    [Fact]
    public async Task GetAsync_AsksAsManyStatements_WhateverTheNumberOfWebhooks()
    {
        var counter = CommandCounter.Shared;
        await app.Data.AddWebhookAsync(accountId, "http://127.0.0.1:9/first");
        var few = await counter.CountAsync(() => dashboard.GetAsync(accountId, DashboardPeriod.Last24Hours, CancellationToken.None));
        for (var i = 0; i < 10; i++)
        {
            await app.Data.AddWebhookAsync(accountId, $"http://127.0.0.1:9/more/{i}");
        }

        var many = await counter.CountAsync(() => dashboard.GetAsync(accountId, DashboardPeriod.Last24Hours, CancellationToken.None));

        // An account of 1,000 webhooks made the dashboard take seconds when each webhook asked a statement of its own.
        // (Only a failing webhook adds one: its latest failure, for at most ProblemLimit of them.)
        Assert.True(few > 0 && many == few, $"{few} statements with 1 webhook, {many} with 11");
    }

    [Fact]
    public async Task GetAsync_SamplesTheLatestAttemptsOfThePeriod_WhenAWebhookMadeMoreThanTheSampleSize()
    {
        var webhook = await app.Data.AddWebhookAsync(accountId, "http://127.0.0.1:9/busy");
        await AddAttemptsAsync(webhook.Id, [9_999], Now.AddHours(-30));
        var older = Enumerable.Repeat(5_000, 50);
        var latest = Enumerable.Repeat(10, DashboardService.LatencySampleSize - 1).Append(20);
        await AddAttemptsAsync(webhook.Id, older.Concat(latest));

        var summary = await dashboard.GetAsync(accountId, DashboardPeriod.Last24Hours, CancellationToken.None);

        var row = Assert.Single(summary.Webhooks);
        Assert.Equal((DashboardService.LatencySampleSize, 10, 10), (row.SampledAttempts, row.P50Ms, row.P95Ms));
    }

    [Fact]
    public async Task GetAsync_CountsTheQueueAndWhatIsDue_WhenDeliveriesAreOpen()
    {
        var webhook = await app.Data.AddWebhookAsync(accountId, "http://127.0.0.1:9/a");
        await AddOpenDeliveryAsync(webhook.Id, DeliveryStatus.Retrying, Now.AddMinutes(-1));
        await AddOpenDeliveryAsync(webhook.Id, DeliveryStatus.Pending, Now.AddHours(1));
        await AddOpenDeliveryAsync(webhook.Id, DeliveryStatus.Pending, Now);

        var summary = await dashboard.GetAsync(accountId, DashboardPeriod.Last24Hours, CancellationToken.None);

        Assert.Equal(new RetryQueue(Pending: 2, Retrying: 1, DueNow: 2), summary.Queue);
        Assert.Equal(3, summary.Totals.InProgress);
        Assert.Null(summary.Totals.SuccessRate);
    }

    [Fact]
    public async Task GetAsync_ListsDisabledThenFailingWebhooks_WhenSomeAreUnhealthy()
    {
        var healthy = await app.Data.AddWebhookAsync(accountId, "http://127.0.0.1:9/ok");
        var failing = await app.Data.AddWebhookAsync(accountId, "http://127.0.0.1:9/failing", w => w.ConsecutiveFailures = 2);
        var disabled = await app.Data.AddWebhookAsync(accountId, "http://127.0.0.1:9/gone", w =>
        {
            w.Enabled = false;
            w.ConsecutiveFailures = 5;
            w.DisabledReason = "5 deliveries in a row failed; last: HTTP 500";
        });
        await app.Data.AddFinishedDeliveryAsync(accountId, healthy.Id, Now.AddHours(-1), DeliveryStatus.Succeeded);
        await app.Data.AddFinishedDeliveryAsync(accountId, failing.Id, Now.AddHours(-2), DeliveryStatus.Failed);
        await app.Data.AddFinishedDeliveryAsync(accountId, failing.Id, Now.AddHours(-1), DeliveryStatus.Failed);

        var summary = await dashboard.GetAsync(accountId, DashboardPeriod.Last24Hours, CancellationToken.None);

        Assert.Equal([disabled.Id, failing.Id], summary.Problems.Select(p => p.WebhookId));
        Assert.Equal("5 deliveries in a row failed; last: HTTP 500", summary.Problems[0].DisabledReason);
        Assert.Null(summary.Problems[0].LastFailureAt);
        var failingRow = summary.Problems[1];
        Assert.Equal((2, 2, Now.AddHours(-1), "HTTP 500"), (failingRow.ConsecutiveFailures, failingRow.FailedInPeriod, failingRow.LastFailureAt, failingRow.LastError));
    }

    /// <summary>Attempts of one delivery made at <paramref name="at"/> (3 hours ago unless told), a second apart, in the order given.</summary>
    private async Task AddAttemptsAsync(Guid webhookId, IEnumerable<int> durations, DateTime? at = null)
    {
        var start = at ?? Now.AddHours(-3);
        var delivery = await app.Data.AddFinishedDeliveryAsync(accountId, webhookId, start, DeliveryStatus.Succeeded);
        await using var db = app.Database.CreateContext();
        var number = 0;
        foreach (var duration in durations)
        {
            number++;
            db.Attempts.Add(new DeliveryAttempt
            {
                Id = Guid.CreateVersion7(),
                DeliveryId = delivery.Id,
                WebhookId = webhookId,
                AccountId = accountId,
                Number = number,
                RequestMethod = "POST",
                RequestUrl = "http://127.0.0.1:9/",
                StatusCode = 200,
                DurationMs = duration,
                CreatedAt = start.AddSeconds(number),
            });
        }
        await db.SaveChangesAsync();
    }

    private async Task AddOpenDeliveryAsync(Guid webhookId, DeliveryStatus status, DateTime nextAttemptAt)
    {
        var delivery = await app.Data.AddFinishedDeliveryAsync(accountId, webhookId, Now.AddMinutes(-10), status);
        await using var db = app.Database.CreateContext();
        await db.Deliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.NextAttemptAt, nextAttemptAt)
            .SetProperty(d => d.CompletedAt, (DateTime?)null));
    }
}
