using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Events;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Events;

/// <summary>
/// An event id already seen for the account answers 200 with the first result whatever the rest of the body holds;
/// a body that cannot be read, or whose id is itself invalid, is still refused. Run once per database provider.
/// </summary>
public abstract class IngestRepeatedIdTests : IAsyncLifetime
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

    /// <summary>The fields that follow <c>"id": ...</c> in a repeat; each is wrong in one way.</summary>
    public static TheoryData<string, string> BadRests => new()
    {
        { "payload not an object", """ "event": "Call:Hangup", "environment": "ITD2024", "payload": [1] """ },
        { "payload a string", """ "event": "Call:Hangup", "environment": "ITD2024", "payload": "x" """ },
        { "event missing", """ "environment": "ITD2024", "payload": {} """ },
        { "event a number", """ "event": 7, "environment": "ITD2024" """ },
        { "environment missing", """ "event": "Call:Hangup" """ },
        { "unknown event type", """ "event": "Call:Teleport", "environment": "ITD2024" """ },
        { "unknown environment", """ "event": "Call:Hangup", "environment": "Nowhere" """ },
        { "bad timestamp", """ "event": "Call:Hangup", "environment": "ITD2024", "timestamp": "yesterday" """ },
        { "unknown field", """ "event": "Call:Hangup", "environment": "ITD2024", "colour": "red" """ },
        { "nothing else", "" },
    };

    [Theory]
    [MemberData(nameof(BadRests))]
    public async Task Ingest_Answers200WithTheFirstResult_WhenTheIdRepeatsWhateverTheRestHolds(string what, string rest)
    {
        var id = "evt-" + Guid.NewGuid().ToString("N");
        var first = await PostRawAsync("""{"data": {"id": "ID", "event": "Call:Hangup", "environment": "ITD2024", "payload": {"a": 1}}}""".Replace("ID", id));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var deliveries = await app.Data.CountAsync<Delivery>();

        var repeat = await PostRawAsync("""{"data": {"id": "ID" REST}}""".Replace("ID", id).Replace("REST", rest.Length > 0 ? "," + rest : ""));

        var data = await ApiAssert.SuccessAsync(repeat);
        Assert.True(HttpStatusCode.OK == repeat.StatusCode, what);
        Assert.Equal((await AppFactory.ReadJsonAsync(first))["data"]!.ToJsonString(), data.ToJsonString());
        Assert.Equal(deliveries, await app.Data.CountAsync<Delivery>());
        Assert.Equal(1, await CountEventsAsync(id));
    }

    public static TheoryData<string, string> UnreadableRepeats => new()
    {
        { "malformed JSON", """{"data": {"id": "evt-seen", "event": "Call:Hangup",""" },
        { "trailing garbage", """{"data": {"id": "evt-seen", "event": "Call:Hangup", "environment": "ITD2024"}} x""" },
        { "duplicate keys", """{"data": {"id": "evt-seen", "id": "evt-seen", "event": "Call:Hangup", "environment": "ITD2024"}}""" },
        { "unknown envelope field", """{"data": {"id": "evt-seen", "event": "Call:Hangup", "environment": "ITD2024"}, "extra": 1}""" },
        { "data not an object", """{"data": "evt-seen"}""" },
    };

    [Theory]
    [MemberData(nameof(UnreadableRepeats))]
    public async Task Ingest_Answers400_WhenTheBodyWithASeenIdIsNoRequestEnvelope(string what, string body)
    {
        await SeeAsync("evt-seen");

        var response = await PostRawAsync(body);

        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{what}: got {(int)response.StatusCode}");
        ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(response), 400);
        Assert.Equal(1, await CountEventsAsync("evt-seen"));
    }

    [Fact]
    public async Task Ingest_Answers400NamingTheId_WhenTheIdIsInvalidAndTheRestIsBad()
    {
        var response = await PostRawAsync("""{"data": {"id": 5, "event": 7, "payload": "x"}}""");

        var json = await ApiAssert.FieldErrorAsync(response, HttpStatusCode.BadRequest, "id");
        Assert.True(json["data"]!.AsObject().ContainsKey("payload"), json.ToJsonString());
        Assert.Equal(0, await app.Data.CountAsync<CallEvent>());
    }

    [Fact]
    public async Task Ingest_Answers400NamingTheField_WhenTheIdIsNewAndAnotherFieldIsBad()
    {
        var response = await PostRawAsync("""{"data": {"id": "evt-never-seen", "event": "Call:Hangup", "environment": "ITD2024", "payload": [1]}}""");

        await ApiAssert.FieldErrorAsync(response, HttpStatusCode.BadRequest, "payload");
        Assert.Equal(0, await app.Data.CountAsync<CallEvent>());
    }

    [Fact]
    public async Task Ingest_Answers400_WhenTheIdDiffersFromASeenOneOnlyInCase()
    {
        await SeeAsync("evt-case");

        var response = await PostRawAsync("""{"data": {"id": "EVT-CASE", "event": "Call:Hangup", "environment": "ITD2024", "payload": "x"}}""");

        await ApiAssert.FieldErrorAsync(response, HttpStatusCode.BadRequest, "payload");
    }

    [Fact]
    public async Task Ingest_AcceptsANewEvent_WhenAnotherAccountHasSeenTheId()
    {
        var (otherAccount, otherToken) = await app.Data.AddAccountWithTokenAsync("other-" + Guid.NewGuid().ToString("N")[..6]);
        await app.Data.AddEnvironmentAsync(otherAccount, "ITD2024");
        using var other = app.CreateClient();
        other.DefaultRequestHeaders.Add("X-Auth-Token", otherToken);
        await SeeAsync("evt-shared");

        var response = await other.PostAsync($"/api/v1/accounts/{otherAccount}/events",
            new StringContent("""{"data": {"id": "evt-shared", "event": "Call:Hangup", "environment": "ITD2024"}}""", Encoding.UTF8, "application/json"));

        var data = await ApiAssert.SuccessAsync(response, HttpStatusCode.Accepted);
        Assert.Equal("evt-shared", data["event_id"]!.GetValue<string>());
        Assert.Equal(2, await CountEventsAsync("evt-shared"));
    }

    private async Task SeeAsync(string id)
    {
        var response = await PostRawAsync("""{"data": {"id": "ID", "event": "Call:Hangup", "environment": "ITD2024"}}""".Replace("ID", id));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostRawAsync(string body) =>
        client.PostAsync($"/api/v1/accounts/{accountId}/events", new StringContent(body, Encoding.UTF8, "application/json"));

    private async Task<int> CountEventsAsync(string eventId)
    {
        await using var db = app.Database.CreateContext();
        return db.Events.Count(e => e.EventId == eventId);
    }
}
