using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Dispatching;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching;

[Collection(AppCollection.Name)]
public sealed class MisbehavingReceiverSqliteTests : MisbehavingReceiverTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.CreateSqlite());

    [Fact]
    public async Task Retry_WaitsInTheProcessWithoutAHangfireJob_WhenOneNodeOwnsTheDatabase()
    {
        var delivery = await RetryingAsync();

        await Poll.UntilAsync(() => App.Services.GetRequiredService<RetryTimer>().Count == 1, Wait, "the retry to be held");
        Assert.Null(ScheduledJobOf(delivery.Id));
    }
}
