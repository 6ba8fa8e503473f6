using System.Net;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Api;

/// <summary>
/// The character U+0000 in any text the API takes is refused with 400 on its field: PostgreSQL cannot store it in
/// text, nor compare with it; run once per database provider by the derived classes.
/// </summary>
public abstract class NulCharacterTests : IAsyncLifetime
{
    private AppFactory app = null!;
    private HttpClient client = null!;
    private string account = null!;
    private Guid webhookId;

    public async Task InitializeAsync()
    {
        app = new AppFactory(database: await CreateDatabaseAsync());
        client = app.CreateApiClient();
        var accountId = await app.DefaultAccountIdAsync();
        account = $"/api/v1/accounts/{accountId}";
        webhookId = (await app.Data.AddWebhookAsync(accountId, "http://127.0.0.1:9/never", w => w.EventType = "*")).Id;
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhookId);
    }

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task EveryTextField_Answers400NamingIt_WhenItHoldsNul()
    {
        var before = await app.Data.SnapshotAsync();
        var requests = new (HttpMethod Method, string Url, string? Body, string Field)[]
        {
            (HttpMethod.Put, account + "/webhooks", """{"data": {"uri": "https://example.com", "hook": "*", "name": "a\u0000b"}}""", "name"),
            (HttpMethod.Put, account + "/webhooks", """{"data": {"uri": "https://example.com", "hook": "Call:Hangup\u0000"}}""", "hook"),
            (HttpMethod.Patch, $"{account}/webhooks/{webhookId}", """{"data": {"name": "\u0000"}}""", "name"),
            (HttpMethod.Put, account + "/environments", """{"data": {"name": "a\u0000b"}}""", "name"),
            (HttpMethod.Post, account + "/events", """{"data": {"id": "call-1\u0000", "event": "Call:Hangup", "environment": "ITD2024"}}""", "id"),
            (HttpMethod.Post, account + "/events", """{"data": {"event": "Call:Hangup\u0000", "environment": "ITD2024"}}""", "event"),
            (HttpMethod.Post, account + "/events", """{"data": {"event": "Call:Hangup", "environment": "ITD2024\u0000"}}""", "environment"),
            (HttpMethod.Post, $"{account}/webhooks/{webhookId}/test", """{"data": {"event": "Call:Hangup\u0000"}}""", "event"),
            (HttpMethod.Get, account + "/deliveries?event=Call:Hangup%00", null, "event"),
            (HttpMethod.Post, account + "/deliveries/replay?event=%00", null, "event"),
        };

        foreach (var (method, url, body, field) in requests)
        {
            var response = body is null
                ? await client.SendAsync(new HttpRequestMessage(method, url))
                : await client.SendRawAsync(method, url, body);

            var json = await ApiAssert.FieldErrorAsync(response, HttpStatusCode.BadRequest, field);
            Assert.Contains("U+0000", json["message"]!.GetValue<string>());
        }
        Assert.Equal(before, await app.Data.SnapshotAsync());
    }
}
