using System.Net;
using System.Text.Json.Nodes;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Deliveries;

/// <summary>Delivery history (filters, keyset pages), replays and attempt lists.</summary>
[Collection(AppCollection.Name)]
public sealed class DeliveriesApiTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private static readonly DateTime T0 = new(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc);
    private readonly HttpClient client = fixture.Client;

    private static List<string> Ids(JsonObject page) => page["data"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()).ToList();

    private async Task<List<JsonNode>> ListAsync(string query) =>
        (await GetPageAsync(query))["data"]!.AsArray().Select(d => d!).ToList();

    private async Task<JsonObject> GetPageAsync(string query)
    {
        var response = await client.GetAsync($"{fixture.Account}/deliveries?{query}");
        await ApiAssert.SuccessAsync(response);
        return await AppFactory.ReadJsonAsync(response);
    }

    [Fact]
    public async Task List_PagesNewestFirstWithNextStartKey_WhenMoreThanOnePage()
    {
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "http://127.0.0.1:9/never");
        var stored = new List<Delivery>();
        foreach (var minutes in new[] { 0, 1, 2, 2, 3 })
        {
            stored.Add(await fixture.App.Data.AddFinishedDeliveryAsync(fixture.AccountId, webhook.Id, T0.AddMinutes(minutes)));
        }
        var expected = stored.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Select(d => d.Id.ToString()).ToList();

        var first = await GetPageAsync($"webhook_id={webhook.Id}&page_size=2");
        var second = await GetPageAsync($"webhook_id={webhook.Id}&page_size=2&start_key={first["next_start_key"]}");
        var third = await GetPageAsync($"webhook_id={webhook.Id}&page_size=2&start_key={second["next_start_key"]}");

        Assert.Equal(expected, [.. Ids(first), .. Ids(second), .. Ids(third)]);
        Assert.Equal(2, first["page_size"]!.GetValue<int>());
        Assert.False(third.ContainsKey("next_start_key"));
        var item = first["data"]![0]!;
        Assert.Equal("failed", item["status"]!.GetValue<string>());
        Assert.Equal("Call:Hangup", item["event"]!.GetValue<string>());
        Assert.Equal("ITD2024", item["environment"]!.GetValue<string>());
        Assert.Equal(500, item["last_status_code"]!.GetValue<int>());
        Assert.Equal(1, item["attempts"]!.GetValue<int>());
        Assert.False(item["test"]!.GetValue<bool>());
        Assert.StartsWith("evt-", item["event_id"]!.GetValue<string>());
        Assert.Null(item["replay_of"]);
    }

    [Fact]
    public async Task List_AppliesEveryFilter_WhenGiven()
    {
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "http://127.0.0.1:9/never");
        var old = await fixture.App.Data.AddFinishedDeliveryAsync(fixture.AccountId, webhook.Id, T0, DeliveryStatus.Succeeded, "Call:Answer");
        var mid = await fixture.App.Data.AddFinishedDeliveryAsync(fixture.AccountId, webhook.Id, T0.AddHours(1), DeliveryStatus.Failed, "Call:Hangup");
        var late = await fixture.App.Data.AddFinishedDeliveryAsync(fixture.AccountId, webhook.Id, T0.AddHours(2), DeliveryStatus.Succeeded, "Call:Hangup");
        var scope = $"webhook_id={webhook.Id}";

        Assert.Equal([mid.Id.ToString()], Ids(await GetPageAsync($"{scope}&status=failed")));
        Assert.Equal([late.Id.ToString(), mid.Id.ToString()], Ids(await GetPageAsync($"{scope}&event=Call:Hangup")));
        Assert.Equal([late.Id.ToString(), mid.Id.ToString()], Ids(await GetPageAsync($"{scope}&since=2026-01-10T13:00:00Z")));
        Assert.Equal([mid.Id.ToString(), old.Id.ToString()], Ids(await GetPageAsync($"{scope}&until=2026-01-10T13:00:00Z")));
    }

    [Theory]
    [InlineData("status=exploded", "status")]
    [InlineData("status=1", "status")]
    [InlineData("status=retrying,succeeded", "status")]
    [InlineData("status=pending%2Cfailed", "status")]
    [InlineData("webhook_id=nope", "webhook_id")]
    [InlineData("since=yesterday", "since")]
    [InlineData("until=2026-13-40T00:00:00Z", "until")]
    [InlineData("since=Sat,%2010%20Jan%202026%2013:00:00%20GMT", "since")]
    [InlineData("until=2026-01-10T13:00:00Z%00", "until")]
    [InlineData("until=2026-01-10T13:00:00Z%0A", "until")]
    [InlineData("page_size=5%00", "page_size")]
    [InlineData("page_size=0", "page_size")]
    [InlineData("page_size=501", "page_size")]
    [InlineData("page_size=ten", "page_size")]
    [InlineData("start_key=garbage", "start_key")]
    [InlineData("webhook=0b4c2d1e-0000-0000-0000-000000000000", "webhook")]
    [InlineData("page=2", "page")]
    [InlineData("since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z", "until")]
    public async Task List_Answers400OnParameter_WhenFilterIsBad(string query, string field)
    {
        var response = await client.GetAsync($"{fixture.Account}/deliveries?{query}");

        await ApiAssert.FieldErrorAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task BulkReplay_Answers400AndReplaysNothing_WhenStatusListsSeveralStatuses()
    {
        // Read as flags, "retrying,succeeded" is 1 | 2, which is the number of failed.
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "http://127.0.0.1:9/never", w => w.Retries = 0);
        await fixture.App.Data.AddFinishedDeliveryAsync(fixture.AccountId, webhook.Id, T0, DeliveryStatus.Failed);
        var before = await fixture.App.Data.SnapshotAsync(webhook.Id);

        var response = await client.PostAsync($"{fixture.Account}/deliveries/replay?webhook_id={webhook.Id}&status=retrying,succeeded", null);

        await ApiAssert.FieldErrorAsync(response, HttpStatusCode.BadRequest, "status");
        Assert.Equal(before, await fixture.App.Data.SnapshotAsync(webhook.Id));
    }

    [Fact]
    public async Task BulkReplay_Answers400AndReplaysNothing_WhenAParameterIsMisspelt()
    {
        // Read without the misspelt filter, the request would replay every failed delivery of the account.
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "http://127.0.0.1:9/never", w => w.Retries = 0);
        await fixture.App.Data.AddFinishedDeliveryAsync(fixture.AccountId, webhook.Id, T0, DeliveryStatus.Failed);
        var before = await fixture.App.Data.SnapshotAsync(webhook.Id);

        var response = await client.PostAsync($"{fixture.Account}/deliveries/replay?webhookid={webhook.Id}", null);

        var json = await ApiAssert.FieldErrorAsync(response, HttpStatusCode.BadRequest, "webhookid");
        Assert.Contains("webhook_id", json["data"]!["webhookid"]!["unknown_parameter"]!.GetValue<string>());
        Assert.Equal(before, await fixture.App.Data.SnapshotAsync(webhook.Id));
    }

    [Fact]
    public async Task Replay_Answers201WithNewLinkedDelivery_WhenDeliveryExists()
    {
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "http://127.0.0.1:9/never", w => w.Retries = 0);
        var original = await fixture.App.Data.AddFinishedDeliveryAsync(fixture.AccountId, webhook.Id, T0);

        var replay = await ApiAssert.SuccessAsync(await client.PostAsync($"{fixture.Account}/deliveries/{original.Id}/replay", null), HttpStatusCode.Created);

        var replayId = Guid.Parse(replay["id"]!.GetValue<string>());
        Assert.NotEqual(original.Id, replayId);
        Assert.Equal(original.Id.ToString(), replay["replay_of"]!.GetValue<string>());
        var stored = await fixture.App.Data.DeliveryAsync(replayId);
        Assert.Equal(original.CallEventId, stored.CallEventId);
        Assert.Equal(webhook.Id, stored.WebhookId);
    }

    [Fact]
    public async Task Replay_IsATestSendAgain_WhenTheOriginalWasATestSend()
    {
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "http://127.0.0.1:9/refused", w => w.EventType = "*");
        await ApiAssert.SuccessAsync(await client.PostAsync($"{fixture.Account}/webhooks/{webhook.Id}/test", null));
        var original = Assert.Single(await ListAsync($"webhook_id={webhook.Id}"));
        Assert.True(original["test"]!.GetValue<bool>());

        var replay = await ApiAssert.SuccessAsync(
            await client.PostAsync($"{fixture.Account}/deliveries/{original["id"]!.GetValue<string>()}/replay", null), HttpStatusCode.Created);

        Assert.True(replay["test"]!.GetValue<bool>());
        var replayId = Guid.Parse(replay["id"]!.GetValue<string>());
        await Poll.UntilAsync(async () => (await fixture.App.Data.DeliveryAsync(replayId)).Status == DeliveryStatus.Failed,
            TimeSpan.FromSeconds(15), "the replayed test send to fail at the refusing receiver");
        var stored = await fixture.App.Data.DeliveryAsync(replayId);
        Assert.Equal(1, stored.AttemptCount);
        // A failed test send never counts towards disabling the webhook, replayed or not.
        Assert.Equal(0, (await fixture.App.Data.WebhookAsync(webhook.Id)).ConsecutiveFailures);
    }

    [Fact]
    public async Task Replay_Answers404And409_WhenDeliveryIsUnknownOrWebhookDeleted()
    {
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "http://127.0.0.1:9/never");
        var original = await fixture.App.Data.AddFinishedDeliveryAsync(fixture.AccountId, webhook.Id, T0);
        await ApiAssert.SuccessAsync(await client.DeleteAsync($"{fixture.Account}/webhooks/{webhook.Id}"));

        var unknown = await client.PostAsync($"{fixture.Account}/deliveries/{Guid.NewGuid()}/replay", null);
        var orphan = await client.PostAsync($"{fixture.Account}/deliveries/{original.Id}/replay", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await ApiAssert.FieldErrorAsync(orphan, HttpStatusCode.Conflict, "webhook_id");
    }

    [Fact]
    public async Task BulkReplay_ReplaysFailedOnlyByDefault_WhenFiltered()
    {
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "http://127.0.0.1:9/never", w => w.Retries = 0);
        var failedA = await fixture.App.Data.AddFinishedDeliveryAsync(fixture.AccountId, webhook.Id, T0, DeliveryStatus.Failed);
        var failedB = await fixture.App.Data.AddFinishedDeliveryAsync(fixture.AccountId, webhook.Id, T0.AddMinutes(1), DeliveryStatus.Failed);
        await fixture.App.Data.AddFinishedDeliveryAsync(fixture.AccountId, webhook.Id, T0.AddMinutes(2), DeliveryStatus.Succeeded);

        var result = await ApiAssert.SuccessAsync(await client.PostAsync($"{fixture.Account}/deliveries/replay?webhook_id={webhook.Id}", null));
        var list = await GetPageAsync($"webhook_id={webhook.Id}");

        Assert.Equal(2, result["replayed"]!.GetValue<int>());
        var replayOf = list["data"]!.AsArray().Select(d => d!["replay_of"]?.GetValue<string>()).OfType<string>().Order().ToList();
        Assert.Equal(new[] { failedA.Id.ToString(), failedB.Id.ToString() }.Order().ToList(), replayOf);
        await ApiAssert.FieldErrorAsync(await client.PostAsync($"{fixture.Account}/deliveries/replay?status=nope", null), HttpStatusCode.BadRequest, "status");
    }

    [Fact]
    public async Task Attempts_ListNewestFirstForAccountAndWebhook_WhenTestsWereSent()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, receiver.Url("/a"), w => w.EventType = "*");
        var first = await ApiAssert.SuccessAsync(await client.PostAsync($"{fixture.Account}/webhooks/{webhook.Id}/test", null));
        var second = await ApiAssert.SuccessAsync(await client.PostAsync($"{fixture.Account}/webhooks/{webhook.Id}/test", null));

        var own = await client.GetAsync($"{fixture.Account}/webhooks/{webhook.Id}/attempts?page_size=1");
        var ownJson = await AppFactory.ReadJsonAsync(own);
        var all = await AppFactory.ReadJsonAsync(await client.GetAsync($"{fixture.Account}/webhooks/attempts"));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal([second["id"]!.GetValue<string>()], Ids(ownJson));
        Assert.True(ownJson.ContainsKey("next_start_key"));
        var allIds = Ids(all);
        Assert.True(allIds.IndexOf(second["id"]!.GetValue<string>()) < allIds.IndexOf(first["id"]!.GetValue<string>()));
        var attempt = all["data"]!.AsArray().First(a => a!["id"]!.GetValue<string>() == second["id"]!.GetValue<string>())!;
        Assert.Equal(webhook.Id.ToString(), attempt["webhook_id"]!.GetValue<string>());
        Assert.Equal(200, attempt["status_code"]!.GetValue<int>());
        Assert.Equal("ok", attempt["response_body"]!.GetValue<string>());
        Assert.Null(attempt["error"]);
    }
}
