using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Data;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Events;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Events;

/// <summary>
/// Bad input on the ingest route: a 4xx in the WIRECLOUD error shape, and nothing stored; run once per database
/// provider by the derived classes.
/// </summary>
public abstract class IngestValidationTests : IAsyncLifetime
{
    private AppFactory app = null!;
    private HttpClient client = null!;
    private Guid accountId;

    public async Task InitializeAsync()
    {
        app = new AppFactory(database: await CreateDatabaseAsync());
        client = app.CreateApiClient();
        accountId = await app.DefaultAccountIdAsync();
        var webhook = await app.Data.AddWebhookAsync(accountId, "http://127.0.0.1:9/never", w => w.EventType = "*");
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);
    }

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    public static TheoryData<string, string, int, string?> BadBodies => new()
    {
        { "malformed JSON", """{"data": {"event": "Call:Hangup",""", 400, null },
        { "trailing garbage", """{"data": {}} x""", 400, null },
        { "duplicate keys", """{"data": {"event": "Call:Hangup", "event": "Call:Answer", "environment": "ITD2024"}}""", 400, null },
        { "not an object", """[1, 2, 3]""", 400, "data" },
        { "no data", """{"event": "Call:Hangup"}""", 400, "data" },
        { "data not an object", """{"data": "Call:Hangup"}""", 400, "data" },
        { "unknown event type", """{"data": {"event": "Call:Teleport", "environment": "ITD2024", "payload": {}}}""", 400, "event" },
        { "unknown environment", """{"data": {"event": "Call:Hangup", "environment": "Nowhere", "payload": {}}}""", 400, "environment" },
        { "environment name is case-sensitive", """{"data": {"event": "Call:Hangup", "environment": "itd2024", "payload": {}}}""", 400, "environment" },
        { "payload not an object", """{"data": {"event": "Call:Hangup", "environment": "ITD2024", "payload": [1]}}""", 400, "payload" },
        { "payload a string", """{"data": {"event": "Call:Hangup", "environment": "ITD2024", "payload": "x"}}""", 400, "payload" },
        { "event missing", """{"data": {"environment": "ITD2024", "payload": {}}}""", 400, "event" },
        { "event a number", """{"data": {"event": 7, "environment": "ITD2024"}}""", 400, "event" },
        { "unknown field", """{"data": {"event": "Call:Hangup", "environment": "ITD2024", "colour": "red"}}""", 400, "colour" },
        { "unknown envelope field", """{"data": {"event": "Call:Hangup", "environment": "ITD2024"}, "extra": 1}""", 400, "extra" },
        { "bad timestamp", """{"data": {"event": "Call:Hangup", "environment": "ITD2024", "timestamp": "yesterday"}}""", 400, "timestamp" },
        { "timestamp as an HTTP date", """{"data": {"event": "Call:Hangup", "environment": "ITD2024", "timestamp": "Tue, 30 Jul 2024 14:35:00 GMT"}}""", 400, "timestamp" },
        { "timestamp in other digits", """{"data": {"event": "Call:Hangup", "environment": "ITD2024", "timestamp": "٢٠٢٤-07-30T14:35:00Z"}}""", 400, "timestamp" },
        { "timestamp with a line end", """{"data": {"event": "Call:Hangup", "environment": "ITD2024", "timestamp": "2024-07-30T14:35:00Z\n"}}""", 400, "timestamp" },
        { "id a number", """{"data": {"id": 5, "event": "Call:Hangup", "environment": "ITD2024"}}""", 400, "id" },
        { "half a surrogate pair in the payload", """{"data": {"event": "Call:Hangup", "environment": "ITD2024", "payload": {"caller": "Ann \ud83d"}}}""", 400, null },
        { "half a surrogate pair in a key", """{"data": {"event": "Call:Hangup", "environment": "ITD2024", "payload": {"\ude00": 1}}}""", 400, null },
        { "half a surrogate pair in the id", """{"data": {"id": "\ud800", "event": "Call:Hangup", "environment": "ITD2024"}}""", 400, null },
        { "empty body", "", 400, "data" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Ingest_AnswersErrorShapeAndStoresNothing_WhenBodyIsBad(string what, string body, int status, string? field)
    {
        var response = await client.PostAsync($"/api/v1/accounts/{accountId}/events", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(status == (int)response.StatusCode, $"{what}: expected {status}, got {(int)response.StatusCode}");
        var json = await AppFactory.ReadJsonAsync(response);
        ApiAssert.ErrorShape(json, status);
        if (field is not null)
        {
            Assert.True(json["data"]!.AsObject().ContainsKey(field), $"{what}: data names {field}: {json.ToJsonString()}");
        }
        Assert.Equal(0, await app.Data.CountAsync<CallEvent>());
        Assert.Equal(0, await app.Data.CountAsync<Delivery>());
    }

    /// <summary>Posts an event with <paramref name="id"/>, escaped by the serializer: a raw control character is not JSON at all.</summary>
    private Task<HttpResponseMessage> PostWithIdAsync(string id)
    {
        var body = new JsonObject { ["data"] = new JsonObject { ["id"] = id, ["event"] = "Call:Hangup", ["environment"] = "ITD2024" } };
        return client.PostAsync($"/api/v1/accounts/{accountId}/events", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
    }

    public static TheoryData<string, string, string> BadIds => new()
    {
        { "a line feed", "call-1\n", "format" },
        { "a tab", "call\t1", "format" },
        { "a C0 control character", "call-\u0001", "format" },
        { "DEL", "call-1\u007f", "format" },
        { "a C1 control character (NEL)", "call-\u0085-1", "format" },
        { "a C1 control character (CSI)", "\u009b31mcall-1", "format" },
        { "a line separator", "call-1\u2028", "format" },
        { "a right-to-left override", "call-\u202e1-llac", "format" },
        { "a bidirectional isolate", "\u2066call-1\u2069", "format" },
        { "a zero width space", "call\u200b-1", "format" },
        { "a byte order mark", "\ufeffcall-1", "format" },
        { "nothing", "", "required" },
        { "only spaces", "   ", "required" },
        { "201 characters", new string('x', 201), "maxLength" },
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task Ingest_Answers400NamingTheId_WhenTheIdHolds(string what, string id, string rule)
    {
        var response = await PostWithIdAsync(id);

        var json = await ApiAssert.FieldErrorAsync(response, HttpStatusCode.BadRequest, "id");
        Assert.True(json["data"]!["id"]!.AsObject().ContainsKey(rule), $"{what}: {json.ToJsonString()}");
        Assert.StartsWith("id ", json["data"]!["id"]![rule]!.GetValue<string>());
        Assert.Equal(0, await app.Data.CountAsync<CallEvent>());
        Assert.Equal(0, await app.Data.CountAsync<Delivery>());
    }

    [Theory]
    [InlineData("call 1")]
    [InlineData("anruf-ü-😀")]
    [InlineData("שיחה-1")]
    [InlineData("call\u200d1")]
    public async Task Ingest_KeepsTheIdAsSent_WhenItHoldsSpacesOrLettersOfAnyScript(string id)
    {
        var response = await PostWithIdAsync(id);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(id, (await AppFactory.ReadJsonAsync(response))["data"]!["event_id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("2024-07-30T20:05:00.5+05:30")]
    [InlineData("2024-07-30T14:35:00.500Z")]
    [InlineData("2024-07-30t14:35:00.500000000z")]
    [InlineData("2024-07-30T09:35:00.5-05:00")]
    // Without Z or an offset the time is UTC, as scripts write it (Python's isoformat of a UTC time, for one).
    [InlineData("2024-07-30T14:35:00.500000")]
    public async Task Ingest_StoresTheTimeInUtc_WhenTimestampIsIso8601(string timestamp)
    {
        var body = new JsonObject { ["data"] = new JsonObject { ["event"] = "Call:Hangup", ["environment"] = "ITD2024", ["timestamp"] = timestamp } };

        var response = await client.PostAsync($"/api/v1/accounts/{accountId}/events", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var eventId = (await AppFactory.ReadJsonAsync(response))["data"]!["event_id"]!.GetValue<string>();
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Events.AsNoTracking().SingleAsync(e => e.EventId == eventId);
        Assert.Equal(new DateTime(2024, 7, 30, 14, 35, 0, 500, DateTimeKind.Utc), stored.OccurredAt);
    }

    [Fact]
    public async Task Ingest_AcceptsAnIdOf200Characters()
    {
        var id = new string('x', 200);
        var response = await PostWithIdAsync(id);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(id, (await AppFactory.ReadJsonAsync(response))["data"]!["event_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ingest_SaysWhereTheHalfPairIs_WhenTextHoldsHalfASurrogatePair()
    {
        var body = "{\"data\": {\"event\": \"Call:Hangup\", \"environment\": \"ITD2024\",\n  \"payload\": {\"caller\": \"Ann \\ud83d\"}}}";

        var response = await client.PostAsync($"/api/v1/accounts/{accountId}/events", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await AppFactory.ReadJsonAsync(response))["message"]!.GetValue<string>();
        Assert.StartsWith("the JSON text at line 2, column 25 holds half of a UTF-16 surrogate pair", message);
        Assert.Equal(0, await app.Data.CountAsync<CallEvent>());
    }

    [Fact]
    public async Task Ingest_KeepsTheCharacter_WhenTextHoldsAWholeSurrogatePair()
    {
        var body = """{"data": {"event": "Call:Hangup", "environment": "ITD2024", "payload": {"caller": "Ann \ud83d\ude00"}}}""";

        var response = await client.PostAsync($"/api/v1/accounts/{accountId}/events", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Events.AsNoTracking().SingleAsync();
        Assert.Equal("Ann \U0001F600", JsonNode.Parse(stored.DataJson)!["caller"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ingest_Answers413_WhenBodyIsOverOneMebibyte()
    {
        var huge = new string('x', 1024 * 1024 + 10);
        var body = "{\"data\": {\"event\": \"Call:Hangup\", \"environment\": \"ITD2024\", \"payload\": {\"blob\": \"" + huge + "\"}}}";

        var response = await client.PostAsync($"/api/v1/accounts/{accountId}/events", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(response), 413);
        Assert.Equal(0, await app.Data.CountAsync<CallEvent>());
    }

    [Fact]
    public async Task Ingest_Answers401_WhenTokenIsMissingOrWrong()
    {
        using var anonymous = app.CreateClient();
        using var wrong = app.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Auth-Token", "not-a-token");
        var body = """{"data": {"event": "Call:Hangup", "environment": "ITD2024"}}""";

        var none = await anonymous.PostAsync($"/api/v1/accounts/{accountId}/events", new StringContent(body, Encoding.UTF8, "application/json"));
        var bad = await wrong.PostAsync($"/api/v1/accounts/{accountId}/events", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(bad), 401);
        Assert.Equal(0, await app.Data.CountAsync<CallEvent>());
    }

    [Fact]
    public async Task Ingest_Answers404_WhenPathNamesAnotherAccount()
    {
        var body = """{"data": {"event": "Call:Hangup", "environment": "ITD2024"}}""";

        var other = await client.PostAsync($"/api/v1/accounts/{Guid.NewGuid()}/events", new StringContent(body, Encoding.UTF8, "application/json"));
        var garbage = await client.PostAsync("/api/v1/accounts/not-a-guid/events", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
        ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(other), 404);
        Assert.Equal(0, await app.Data.CountAsync<CallEvent>());
    }

    [Fact]
    public async Task WhoAmI_AnswersTokensAccount_WhenTokenIsValid()
    {
        var response = await client.GetAsync("/api/v1/whoami");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await AppFactory.ReadJsonAsync(response);
        Assert.Equal("success", json["status"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(json["request_id"]!.GetValue<string>()));
        Assert.Equal(accountId.ToString(), json["data"]!["account_id"]!.GetValue<string>());
        Assert.Equal("Default", json["data"]!["account_name"]!.GetValue<string>());
        Assert.Equal("bootstrap", json["data"]!["token_name"]!.GetValue<string>());
    }
}
