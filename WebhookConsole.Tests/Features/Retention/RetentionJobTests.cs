using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Api;
using WebhookConsole.Bench.Scenarios;
using WebhookConsole.Data;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Environments;
using WebhookConsole.Features.Events;
using WebhookConsole.Features.Retention;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Retention;

[Collection(AppCollection.Name)]
public sealed class RetentionJobTests
{
    [Fact]
    public async Task PurgeAsync_RemovesOldFinishedHistoryAndKeepsRecentOrUnfinished_WhenRetentionIs30Days()
    {
        await using var app = new AppFactory();
        var accountId = await app.DefaultAccountIdAsync();
        var old = DateTime.UtcNow.AddDays(-40);
        var recent = DateTime.UtcNow.AddDays(-1);
        var oldDone = await AddEventAsync(app, accountId, "old-done", old, DeliveryStatus.Succeeded);
        var oldPending = await AddEventAsync(app, accountId, "old-pending", old, DeliveryStatus.Retrying);
        var recentDone = await AddEventAsync(app, accountId, "recent-done", recent, DeliveryStatus.Failed);

        await app.Services.GetRequiredService<RetentionJob>().PurgeAsync(CancellationToken.None);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(["old-pending", "recent-done"], await db.Events.OrderBy(e => e.EventId).Select(e => e.EventId).ToListAsync());
        Assert.False(await db.Deliveries.AnyAsync(d => d.CallEventId == oldDone));
        Assert.True(await db.Deliveries.AnyAsync(d => d.CallEventId == oldPending));
        // The old attempt of the unfinished delivery stays with it; the recent one is untouched.
        Assert.Equal(2, await db.Attempts.CountAsync());
        Assert.True(await db.Attempts.AnyAsync(a => db.Deliveries.Any(d => d.Id == a.DeliveryId && d.CallEventId == recentDone)));
    }

    [Fact]
    public async Task PurgeAsync_PurgesOldHistoryOfMoreThanOneBatch()
    {
        await using var app = new AppFactory();
        var accountId = await app.DefaultAccountIdAsync();
        var environment = await app.Data.AddEnvironmentAsync(accountId, "env-batches");
        var old = DateTime.UtcNow.AddDays(-40);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // More than one batch of old attempts, then of the events they hang from.
            for (var i = 0; i < 2_100; i++)
            {
                db.AddRange(History(accountId, environment, $"old-{i}", old, DeliveryStatus.Succeeded));
            }
            db.AddRange(History(accountId, environment, "recent", DateTime.UtcNow.AddDays(-1), DeliveryStatus.Succeeded));
            await db.SaveChangesAsync();
        }

        await app.Services.GetRequiredService<RetentionJob>().PurgeAsync(CancellationToken.None);

        await using var check = app.Services.CreateAsyncScope();
        var after = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(["recent"], await after.Events.Select(e => e.EventId).ToListAsync());
        Assert.Equal(1, await after.Deliveries.CountAsync());
        Assert.Equal(1, await after.Attempts.CountAsync());
    }

    [Fact]
    public async Task PurgeAsync_PurgesTheOldHistoryOfEveryAccount()
    {
        await using var app = new AppFactory();
        var firstAccount = await app.DefaultAccountIdAsync();
        var (secondAccount, _) = await app.Data.AddAccountWithTokenAsync("second");
        var old = DateTime.UtcNow.AddDays(-40);
        await AddEventAsync(app, firstAccount, "first-old", old, DeliveryStatus.Succeeded);
        await AddEventAsync(app, secondAccount, "second-old", old, DeliveryStatus.Failed);
        await AddEventAsync(app, secondAccount, "second-recent", DateTime.UtcNow.AddDays(-1), DeliveryStatus.Succeeded);

        await app.Services.GetRequiredService<RetentionJob>().PurgeAsync(CancellationToken.None);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(["second-recent"], await db.Events.Select(e => e.EventId).ToListAsync());
        Assert.Equal(1, await db.Deliveries.CountAsync());
    }

    [Fact]
    public async Task PurgeAsync_KeepsAnOldEvent_WhenOneOfItsDeliveriesIsReplayedBetweenTheLookAndTheDelete()
    {
        await using var receiver = await TestReceiver.StartAsync();
        // The replay stays pending while the purge goes on.
        receiver.Respond("/slow", (_, _) => new ReceiverResponse(200, Delay: TimeSpan.FromSeconds(5)));
        var replayDuringLook = new ActionAfterOldEventsLook();
        await using var app = new AppFactory();
        using var factory = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(replayDuringLook)));
        var data = new TestData(factory.Services);
        Guid accountId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            accountId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Accounts.OrderBy(a => a.CreatedAt).Select(a => a.Id).FirstAsync();
        }
        var webhook = await data.AddWebhookAsync(accountId, receiver.Url("/slow"), w => w.EventType = "*");
        var environment = await data.AddEnvironmentAsync(accountId, "env-replayed", webhook.Id);
        var rows = History(accountId, environment, "old-replayed", DateTime.UtcNow.AddDays(-40), DeliveryStatus.Failed);
        var original = (Delivery)rows[1];
        original.WebhookId = webhook.Id;
        ((DeliveryAttempt)rows[2]).WebhookId = webhook.Id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AddRange(rows);
            await db.SaveChangesAsync();
        }
        DeliveryView? replay = null;
        replayDuringLook.Action = async () =>
            replay = await factory.Services.GetRequiredService<ReplayService>().ReplayAsync(accountId, original.Id, new FieldErrors(), CancellationToken.None);

        await factory.Services.GetRequiredService<RetentionJob>().PurgeAsync(CancellationToken.None);

        Assert.NotNull(replay);
        await using var check = factory.Services.CreateAsyncScope();
        var after = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await after.Events.AnyAsync(e => e.EventId == "old-replayed"), "the event of a pending replay was purged");
        Assert.True(await after.Deliveries.AnyAsync(d => d.Id == replay.Delivery.Id), "the replay, answered to its caller, was deleted with its event");
    }

    [Fact]
    public async Task OldEvents_ReadsAnAccountsEventsByAgeFromItsIndex_WhenRunOnSqlite()
    {
        await using var app = new AppFactory();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        var plan = await QueryPlan.ExplainAsync(db, RetentionJob.OldEvents(db, Guid.NewGuid(), DateTime.UtcNow).Take(2000));

        // Oldest first without a sort, so a batch stops reading once it is full.
        Assert.Contains(plan, step => step.Contains("USING INDEX IX_Events_AccountId_ReceivedAt (AccountId=? AND ReceivedAt<?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    private static async Task<Guid> AddEventAsync(AppFactory app, Guid accountId, string eventId, DateTime at, DeliveryStatus status)
    {
        var environment = await app.Data.AddEnvironmentAsync(accountId, "env-" + eventId);
        var rows = History(accountId, environment, eventId, at, status);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.AddRange(rows);
        await db.SaveChangesAsync();
        return ((CallEvent)rows[0]).Id;
    }

    /// <summary>An event received at <paramref name="at"/> with one delivery in <paramref name="status"/> and its one attempt.</summary>
    private static object[] History(Guid accountId, WebhookEnvironment environment, string eventId, DateTime at, DeliveryStatus status)
    {
        var callEvent = new CallEvent
        {
            Id = Guid.CreateVersion7(), AccountId = accountId, EventId = eventId, EventType = "Call:Hangup",
            EnvironmentId = environment.Id, EnvironmentName = environment.Name, OccurredAt = at, ReceivedAt = at,
        };
        var delivery = new Delivery
        {
            Id = Guid.CreateVersion7(), AccountId = accountId, CallEventId = callEvent.Id, WebhookId = Guid.NewGuid(),
            EventType = callEvent.EventType, EnvironmentId = environment.Id, Status = status, AttemptCount = 1,
            // An unfinished delivery is not due for a long time, so the dispatcher leaves it alone during the test.
            NextAttemptAt = status is DeliveryStatus.Retrying ? DateTime.UtcNow.AddDays(1) : null,
            CreatedAt = at, UpdatedAt = at,
        };
        var attempt = new DeliveryAttempt
        {
            Id = Guid.CreateVersion7(), DeliveryId = delivery.Id, WebhookId = delivery.WebhookId, AccountId = accountId,
            Number = 1, RequestMethod = "POST", RequestUrl = "https://example.com/", StatusCode = 500, CreatedAt = at,
        };
        return [callEvent, delivery, attempt];
    }
    /// <summary>Runs <see cref="Action"/> once, right after the purge has looked for old events and before it deletes them.</summary>
    private sealed class ActionAfterOldEventsLook : DbCommandInterceptor
    {
        private int fired;

        public Func<Task>? Action { get; set; }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (Action is not null && command.CommandText.Contains("FROM \"Events\"", StringComparison.Ordinal)
                && command.CommandText.Contains("\"ReceivedAt\" <", StringComparison.Ordinal) && Interlocked.Exchange(ref fired, 1) == 0)
            {
                await Action();
            }
            return result;
        }
    }
}
