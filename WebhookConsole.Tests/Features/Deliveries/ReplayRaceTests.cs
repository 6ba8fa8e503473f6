using System.Net;
using Microsoft.EntityFrameworkCore;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Deliveries;

/// <summary>
/// Retention purges an old event (with its deliveries) after a replay of one of them has read it and before the
/// replay is saved: the answer says the delivery is gone, as it would a moment later.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReplayRaceTests : IAsyncLifetime
{
    private readonly InterceptedApp<Delivery> race = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await race.DisposeAsync();

    [Fact]
    public async Task Replay_Answers404_WhenTheEventIsPurgedMeanwhile()
    {
        var accountId = await race.App.DefaultAccountIdAsync();
        var webhook = await race.App.Data.AddWebhookAsync(accountId, "https://receiver.example/hook", w => w.Enabled = false);
        var original = await race.App.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, DateTime.UtcNow.AddDays(-40));
        race.BeforeNextWrite.Run = () => race.App.Database.ExecuteAsync(
            $"DELETE FROM \"Events\" WHERE \"Id\" = '{original.CallEventId.ToString().ToUpperInvariant()}'");

        var answer = await race.Client.PostAsync($"/api/v1/accounts/{accountId}/deliveries/{original.Id}/replay", null);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(answer), 404);
        await using var db = race.App.Database.CreateContext();
        Assert.False(await db.Deliveries.AnyAsync(d => d.CallEventId == original.CallEventId));
    }

    [Fact]
    public async Task BulkReplay_ReplaysTheRest_WhenOneEventIsPurgedMeanwhile()
    {
        var accountId = await race.App.DefaultAccountIdAsync();
        var webhook = await race.App.Data.AddWebhookAsync(accountId, "https://receiver.example/hook", w => w.Enabled = false);
        var purged = await race.App.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, DateTime.UtcNow.AddDays(-40));
        var kept = await race.App.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, DateTime.UtcNow.AddDays(-39));
        race.BeforeNextWrite.Run = () => race.App.Database.ExecuteAsync(
            $"DELETE FROM \"Events\" WHERE \"Id\" = '{purged.CallEventId.ToString().ToUpperInvariant()}'");

        var answer = await race.Client.PostAsync($"/api/v1/accounts/{accountId}/deliveries/replay?webhook_id={webhook.Id}", null);

        var data = await ApiAssert.SuccessAsync(answer);
        Assert.Equal(1, data["replayed"]!.GetValue<int>());
        await using var db = race.App.Database.CreateContext();
        Assert.False(await db.Deliveries.AnyAsync(d => d.CallEventId == purged.CallEventId));
        Assert.True(await db.Deliveries.AnyAsync(d => d.ReplayOfId == kept.Id));
    }
}
