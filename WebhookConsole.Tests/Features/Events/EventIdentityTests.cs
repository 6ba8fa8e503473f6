using System.Net;
using System.Text.Json.Nodes;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Events;

/// <summary>A posted event id is the event id everywhere, and the event time is rendered in UTC with Z.</summary>
[Collection(AppCollection.Name)]
public sealed class EventIdentityTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private AppFactory app = null!;
    private TestReceiver receiver = null!;
    private HttpClient client = null!;
    private Guid accountId;

    public async Task InitializeAsync()
    {
        receiver = await TestReceiver.StartAsync();
        app = new AppFactory();
        client = app.CreateApiClient();
        accountId = await app.DefaultAccountIdAsync();
        var templated = await app.Data.AddWebhookAsync(accountId, receiver.Url("/templated"), w =>
        {
            w.EventType = "*";
            w.BodyTemplate = """{"id": "{{ meta.event_id }}", "at": "{{ meta.timestamp }}", "line": "event {{ meta.event_id }}"}""";
        });
        var envelope = await app.Data.AddWebhookAsync(accountId, receiver.Url("/envelope"), w => w.EventType = "*");
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", templated.Id, envelope.Id);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task PostedId_IsTheEventIdOfTheAnswerTheTemplateAndTheEnvelope_WhenGivenWithAnOffsetTimestamp()
    {
        var response = await app.PostEventAsync(client, accountId, new { id = "call-42-hangup", @event = "Call:Hangup", environment = "ITD2024", timestamp = "2024-07-30T16:35:00+02:00" });

        var data = await ApiAssert.SuccessAsync(response, HttpStatusCode.Accepted);
        Assert.Equal("call-42-hangup", data["event_id"]!.GetValue<string>());
        var (templated, envelope) = await BodiesAsync();
        Assert.Equal("call-42-hangup", templated["id"]!.GetValue<string>());
        Assert.Equal("event call-42-hangup", templated["line"]!.GetValue<string>());
        Assert.Equal("call-42-hangup", envelope["event_id"]!.GetValue<string>());
        Assert.Matches(@"^2024-07-30T14:35:00(\.0+)?Z$", templated["at"]!.GetValue<string>());
        Assert.Matches(@"^2024-07-30T14:35:00(\.0+)?Z$", envelope["timestamp"]!.GetValue<string>());
    }

    [Fact]
    public async Task ServerMadeId_IsTheEventIdEverywhere_AndTheTimeIsTheTimeReceived_WhenNeitherIsPosted()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        var response = await app.PostEventAsync(client, accountId, new { @event = "Call:Hangup", environment = "ITD2024" });

        var eventId = (await ApiAssert.SuccessAsync(response, HttpStatusCode.Accepted))["event_id"]!.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(eventId));
        var (templated, envelope) = await BodiesAsync();
        Assert.Equal(eventId, templated["id"]!.GetValue<string>());
        Assert.Equal(eventId, envelope["event_id"]!.GetValue<string>());
        var at = envelope["timestamp"]!.GetValue<string>();
        Assert.EndsWith("Z", at);
        Assert.InRange(DateTime.Parse(at, null, System.Globalization.DateTimeStyles.AdjustToUniversal), before, DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(at, templated["at"]!.GetValue<string>());
    }

    private async Task<(JsonNode Templated, JsonNode Envelope)> BodiesAsync()
    {
        var requests = await receiver.WaitForAsync(r => r.Any(x => x.Path == "/templated") && r.Any(x => x.Path == "/envelope"), Wait, "both deliveries");
        return (JsonNode.Parse(requests.Single(x => x.Path == "/templated").Body)!, JsonNode.Parse(requests.Single(x => x.Path == "/envelope").Body)!);
    }
}
