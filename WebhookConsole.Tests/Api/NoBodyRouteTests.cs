using System.Net;
using System.Text;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Api;

/// <summary>
/// The routes that take no fields (rotate a secret, replay one delivery, replay by filter) accept no body or
/// <c>{"data": {}}</c>, and refuse any other body as every route does: nothing changes then.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NoBodyRouteTests : IAsyncLifetime
{
    private AppFactory app = null!;
    private HttpClient client = null!;
    private string[] routes = [];

    public async Task InitializeAsync()
    {
        app = new AppFactory();
        client = app.CreateApiClient();
        var accountId = await app.DefaultAccountIdAsync();
        var account = $"/api/v1/accounts/{accountId}";
        var webhook = await app.Data.AddWebhookAsync(accountId, "http://127.0.0.1:9/never", w => w.EventType = "*");
        var delivery = await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, DateTime.UtcNow.AddMinutes(-5));
        routes =
        [
            $"{account}/webhooks/{webhook.Id}/rotate_secret",
            $"{account}/deliveries/{delivery.Id}/replay",
            $"{account}/deliveries/replay",
        ];
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string url, string? body, string contentType = "application/json") =>
        client.PostAsync(url, body is null ? null : new StringContent(body, Encoding.UTF8, contentType));

    [Fact]
    public async Task EveryRoute_Answers400AndChangesNothing_WhenBodyIsNotAnEmptyRequest()
    {
        var before = await app.Data.SnapshotAsync();
        var bodies = new (string Body, string? Field)[]
        {
            ("{", null),
            ("garbage", null),
            ("[]", "data"),
            ("\"data\"", "data"),
            ("""{"data": []}""", "data"),
            ("""{"data": {"status": "failed"}}""", "status"),
            ("""{"data": {}, "force": true}""", "force"),
        };

        foreach (var url in routes)
        {
            foreach (var (body, field) in bodies)
            {
                var response = await PostAsync(url, body);

                var json = await AppFactory.ReadJsonAsync(response);
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} with {body}: {(int)response.StatusCode} {json.ToJsonString()}");
                ApiAssert.ErrorShape(json, 400);
                if (field is not null)
                {
                    Assert.True(json["data"]!.AsObject().ContainsKey(field), $"{url} with {body}: {json.ToJsonString()}");
                }
            }
            var plain = await PostAsync(url, "rotate please", "text/plain");
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
            ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(plain), 415);
        }
        Assert.Equal(before, await app.Data.SnapshotAsync());
    }

    [Fact]
    public async Task EveryRoute_Succeeds_WhenBodyIsAbsentOrAnEmptyDataObject()
    {
        foreach (var url in routes)
        {
            var none = await PostAsync(url, null);
            var empty = await PostAsync(url, """{"data": {}}""");

            Assert.True(none.IsSuccessStatusCode, $"{url} without a body: {(int)none.StatusCode}");
            Assert.True(empty.IsSuccessStatusCode, $"{url} with an empty data object: {(int)empty.StatusCode}");
        }
    }
}
