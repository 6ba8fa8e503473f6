using Hangfire.Storage.Monitoring;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching;

[Collection(AppCollection.Name)]
public sealed class MisbehavingReceiverPostgresTests(PostgresCluster cluster) : MisbehavingReceiverTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => cluster.CreateDatabaseAsync();

    [Fact]
    public async Task Retry_IsScheduledInHangfireNoSoonerThanItIsDue_WhenHangfireCountsWholeSeconds()
    {
        var delivery = await RetryingAsync();
        ScheduledJobDto? job = null;
        await Poll.UntilAsync(() => (job = ScheduledJobOf(delivery.Id)) is not null, Wait, "the retry's Hangfire job");

        // Hangfire keeps a scheduled job's time in whole seconds, cut down, and starts it once that second begins.
        var startsFrom = DateTime.SpecifyKind(job!.EnqueueAt.AddTicks(-(job.EnqueueAt.Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Utc);
        Assert.True(startsFrom >= delivery.NextAttemptAt,
            $"Hangfire may start the retry at {startsFrom:O}, before it is due at {delivery.NextAttemptAt:O}");
    }
}
