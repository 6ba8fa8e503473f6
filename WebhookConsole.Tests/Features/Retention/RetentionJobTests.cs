using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
}
