using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Dispatching;
using WebhookConsole.Features.Deliveries;
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

    [Fact]
    public async Task Retry_IsSentAsItsFirstAttemptLeftIt_WithoutLoadingItsEventAgain()
    {
        var deliveryId = await FailedOnceAsync();
        // Stored events never change; changing one here shows whether the retry reads it again.
        await App.Database.ExecuteAsync($"""
            UPDATE "Events" SET "DataJson" = json_object('uuid', 'changed')
            WHERE "Id" = (SELECT "CallEventId" FROM "Deliveries" WHERE "Id" = '{Key(deliveryId)}')
            """);

        var delivery = await App.Data.WaitForDeliveryAsync(deliveryId, d => d.IsFinished, Wait, "the retry to succeed");

        Assert.Equal(DeliveryStatus.Succeeded, delivery.Status);
        var requests = Receiver.At("/flaky");
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Contains("c-1", r.Body));
        Assert.DoesNotContain("changed", requests[1].Body);
        Assert.Equal([1, 2], (await App.Data.AttemptsAsync(deliveryId)).Select(a => a.Number));
    }

    [Fact]
    public async Task Retry_IsLoadedAgain_WhenItsRowChangedWhileItWasHeld()
    {
        var deliveryId = await FailedOnceAsync();
        // As another attempt would have left it: the copy held in memory is out of date.
        await App.Database.ExecuteAsync($"""UPDATE "Deliveries" SET "AttemptCount" = 2 WHERE "Id" = '{Key(deliveryId)}'""");

        var delivery = await App.Data.WaitForDeliveryAsync(deliveryId, d => d.IsFinished, Wait, "the retry to succeed");

        Assert.Equal(DeliveryStatus.Succeeded, delivery.Status);
        Assert.Equal(3, delivery.AttemptCount);
        Assert.Equal([1, 3], (await App.Data.AttemptsAsync(deliveryId)).Select(a => a.Number));
    }

    /// <summary>A delivery whose first attempt the receiver refused, its retry held for 2 s; the retry is answered 200.</summary>
    private async Task<Guid> FailedOnceAsync()
    {
        await StartAppAsync(retryDelaySeconds: 2);
        Receiver.Respond("/flaky", (_, count) => count == 1 ? new ReceiverResponse(503, "busy") : ReceiverResponse.Ok);
        var deliveryId = await DeliverAsync(Receiver.Url("/flaky"), retries: 3);
        await App.Data.WaitForDeliveryAsync(deliveryId, d => d.Status == DeliveryStatus.Retrying, Wait, "the first attempt to fail");
        await Poll.UntilAsync(() => App.Services.GetRequiredService<RetryTimer>().Count == 1, Wait, "the retry to be held");
        return deliveryId;
    }

    private static string Key(Guid id) => id.ToString().ToUpperInvariant();
}
