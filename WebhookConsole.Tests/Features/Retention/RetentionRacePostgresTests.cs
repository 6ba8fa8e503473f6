using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Retention;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Retention;

/// <summary>
/// Retention against a replay of an old event on PostgreSQL, where the two run side by side: a replay's delivery
/// must never be purged with its event once the replay has been answered.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RetentionRacePostgresTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PurgeAsync_KeepsAnOldEventAndItsReplay_WhenTheReplayCommitsWhileThePurgeRuns()
    {
        await using var app = new AppFactory(database: await cluster.CreateDatabaseAsync());
        var accountId = await app.DefaultAccountIdAsync();
        // Disabled, so the dispatcher ends the replay without sending it anywhere; the row stays either way.
        var webhook = await app.Data.AddWebhookAsync(accountId, "https://receiver.example/hook", w => w.Enabled = false);
        var original = await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, DateTime.UtcNow.AddDays(-40));
        var now = DateTime.UtcNow;
        var replay = new Delivery
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            CallEventId = original.CallEventId,
            WebhookId = webhook.Id,
            EventType = original.EventType,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            ReplayOfId = original.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        // The replay's insert, on a connection of its own, not yet committed when the purge starts.
        await using var replayDb = app.Database.CreateContext();
        await using var replayTransaction = await replayDb.Database.BeginTransactionAsync();
        replayDb.Deliveries.Add(replay);
        await replayDb.SaveChangesAsync();

        var purge = app.Services.GetRequiredService<RetentionJob>().PurgeAsync(CancellationToken.None);
        // The purge either waits on the replay's row lock on the event or is done without waiting for it.
        await Poll.UntilAsync(async () => purge.IsCompleted || await AnyoneWaitsOnALockAsync(app), Wait, "the purge to end or wait on the replay");
        await replayTransaction.CommitAsync();
        await purge.WaitAsync(Wait);

        await using var db = app.Database.CreateContext();
        Assert.True(await db.Events.AnyAsync(e => e.Id == original.CallEventId), "the replayed event was purged");
        Assert.True(await db.Deliveries.AnyAsync(d => d.Id == replay.Id), "the committed replay was purged");
    }

    [Fact]
    public async Task PurgeAsync_PurgesAnOldEvent_WhenAReplayOfItEndedBeforeThePurge()
    {
        await using var app = new AppFactory(database: await cluster.CreateDatabaseAsync());
        var accountId = await app.DefaultAccountIdAsync();
        var webhook = await app.Data.AddWebhookAsync(accountId, "https://receiver.example/hook", w => w.Enabled = false);
        var original = await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, DateTime.UtcNow.AddDays(-40));
        var replayed = await app.Services.GetRequiredService<ReplayService>().ReplayAsync(accountId, original.Id, new(), CancellationToken.None);
        await app.Data.WaitForDeliveryAsync(replayed!.Delivery.Id, d => d.IsFinished, Wait, "the replay to end");

        await app.Services.GetRequiredService<RetentionJob>().PurgeAsync(CancellationToken.None);

        await using var db = app.Database.CreateContext();
        Assert.False(await db.Events.AnyAsync(e => e.Id == original.CallEventId));
        Assert.False(await db.Deliveries.AnyAsync(d => d.CallEventId == original.CallEventId));
    }

    private static async Task<bool> AnyoneWaitsOnALockAsync(AppFactory app)
    {
        await using var db = app.Database.CreateContext();
        var waiting = await db.Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
            .SingleAsync();
        return waiting > 0;
    }
}
