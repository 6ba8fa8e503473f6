using System.Net;
using System.Text.Json.Nodes;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Api;

/// <summary>
/// Every object the API answers carries each field the contract names, under that exact name, null fields included
/// (a client reads <c>replay_of</c> or <c>error</c> as null, not as missing).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WireFieldNamesTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private static readonly string[] WebhookFields =
    [
        "id", "name", "uri", "http_verb", "hook", "retries", "custom_data", "enabled", "body_template", "timeout_seconds",
        "headers", "signing", "created", "updated", "disabled_reason",
    ];

    private static readonly string[] DeliveryFields =
    [
        "id", "event_id", "event", "environment", "webhook_id", "status", "attempts", "last_status_code", "replay_of", "test",
        "created", "updated", "next_attempt_at",
    ];

    private static readonly string[] AttemptFields =
    [
        "id", "delivery_id", "webhook_id", "attempt", "request", "status_code", "response_headers", "response_body", "error",
        "duration_ms", "created",
    ];

    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task Webhook_CarriesEveryContractField_OnEveryRouteThatAnswersOne()
    {
        var created = await ApiAssert.SuccessAsync(
            await client.SendDataAsync(HttpMethod.Put, $"{fixture.Account}/webhooks", new { uri = "https://fields.example/hook", hook = "*" }), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();

        var read = await ApiAssert.SuccessAsync(await client.GetAsync($"{fixture.Account}/webhooks/{id}"));
        var listed = (await ApiAssert.SuccessAsync(await client.GetAsync($"{fixture.Account}/webhooks"))).AsArray().Single(w => w!["id"]!.GetValue<string>() == id)!;
        var patched = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{fixture.Account}/webhooks/{id}", new { retries = 4 }));
        var replaced = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Post, $"{fixture.Account}/webhooks/{id}", new { uri = "https://fields.example/v2", hook = "*" }));
        var rotated = await ApiAssert.SuccessAsync(await client.PostAsync($"{fixture.Account}/webhooks/{id}/rotate_secret", null));
        var deleted = await ApiAssert.SuccessAsync(await client.DeleteAsync($"{fixture.Account}/webhooks/{id}"));

        foreach (var (route, answer) in new[] { ("create", created), ("read", read), ("list", listed), ("patch", patched), ("replace", replaced), ("rotate", rotated), ("delete", deleted) })
        {
            AssertHasFields(route, answer, WebhookFields);
        }
        Assert.True(created.AsObject().ContainsKey("secret"));
        Assert.True(rotated.AsObject().ContainsKey("secret"));
    }

    [Fact]
    public async Task DeliveryAndAttempt_CarryEveryContractField_InListsAndAnswers()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, receiver.Url("/fields"), w => w.EventType = "*");

        var attempt = await ApiAssert.SuccessAsync(await client.PostAsync($"{fixture.Account}/webhooks/{webhook.Id}/test", null));
        var deliveryId = attempt["delivery_id"]!.GetValue<string>();
        var listed = (await ApiAssert.SuccessAsync(await client.GetAsync($"{fixture.Account}/deliveries?webhook_id={webhook.Id}"))).AsArray().Single()!;
        var replay = await ApiAssert.SuccessAsync(await client.PostAsync($"{fixture.Account}/deliveries/{deliveryId}/replay", null), HttpStatusCode.Created);
        var attempts = (await ApiAssert.SuccessAsync(await client.GetAsync($"{fixture.Account}/webhooks/{webhook.Id}/attempts"))).AsArray();
        var allAttempts = (await ApiAssert.SuccessAsync(await client.GetAsync($"{fixture.Account}/webhooks/attempts"))).AsArray();

        AssertHasFields("test answer", attempt, AttemptFields);
        AssertHasFields("test answer's request", attempt["request"]!, ["method", "url", "headers", "body"]);
        AssertHasFields("webhook's attempts", attempts[0]!, AttemptFields);
        AssertHasFields("all attempts", allAttempts[0]!, AttemptFields);
        AssertHasFields("delivery list", listed, DeliveryFields);
        AssertHasFields("replay answer", replay, DeliveryFields);
        Assert.Equal(1, attempt["attempt"]!.GetValue<int>());
        Assert.Equal(deliveryId, replay["replay_of"]!.GetValue<string>());
        Assert.True(listed["test"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SmallAnswers_CarryEveryContractField_WhenRequested()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, receiver.Url("/small"), w => w.EventType = "*");
        var environment = await ApiAssert.SuccessAsync(
            await client.SendDataAsync(HttpMethod.Put, $"{fixture.Account}/environments", new { name = "fields-" + Guid.NewGuid().ToString("N")[..6], webhooks = new[] { webhook.Id } }),
            HttpStatusCode.Created);
        var ingested = await ApiAssert.SuccessAsync(
            await client.SendDataAsync(HttpMethod.Post, $"{fixture.Account}/events", new { @event = "Call:Hangup", environment = environment["name"]!.GetValue<string>() }),
            HttpStatusCode.Accepted);
        await fixture.App.Data.WaitForDeliveryAsync(Guid.Parse(ingested["delivery_ids"]![0]!.GetValue<string>()), d => d.IsFinished, TimeSpan.FromSeconds(30), "the delivery");

        var whoami = await ApiAssert.SuccessAsync(await client.GetAsync("/api/v1/whoami"));
        var catalogue = (await ApiAssert.SuccessAsync(await client.GetAsync("/api/v1/event_types"))).AsArray();
        var replayed = await ApiAssert.SuccessAsync(await client.PostAsync($"{fixture.Account}/deliveries/replay?webhook_id={webhook.Id}", null));

        AssertHasFields("environment", environment, ["name", "webhooks"]);
        AssertHasFields("ingest answer", ingested, ["event_id", "delivery_ids"]);
        AssertHasFields("whoami", whoami, ["account_id", "account_name", "token_name"]);
        Assert.All(catalogue, entry => AssertHasFields("catalogue entry", entry!, ["name", "description", "sample"]));
        Assert.All(catalogue, entry => Assert.IsType<JsonObject>(entry!["sample"]));
        AssertHasFields("bulk replay", replayed, ["replayed"]);
    }

    private static void AssertHasFields(string what, JsonNode answer, IEnumerable<string> fields)
    {
        var obj = answer.AsObject();
        var missing = fields.Where(f => !obj.ContainsKey(f)).ToList();
        Assert.True(missing.Count == 0, $"{what} lacks {string.Join(", ", missing)}: {obj.ToJsonString()}");
    }
}
