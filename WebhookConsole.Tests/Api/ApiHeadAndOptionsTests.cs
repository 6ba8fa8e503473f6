using System.Net;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Api;

/// <summary>
/// HEAD answers as GET without the body, OPTIONS answers 204 with the methods in Allow; both through Kestrel, which
/// is what drops a HEAD's body on the wire.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ApiHeadAndOptionsTests : IAsyncLifetime
{
    private ServedApp served = null!;
    private HttpClient client = null!;
    private string account = null!;

    public async Task InitializeAsync()
    {
        served = ServedApp.Start();
        client = served.CreateApiClient();
        account = $"/api/v1/accounts/{await served.App.DefaultAccountIdAsync()}";
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await served.DisposeAsync();
    }

    [Fact]
    public async Task Head_AnswersAsGetWithoutTheBody_WhenTheRouteTakesGet()
    {
        var webhook = await served.App.Data.AddWebhookAsync(await served.App.DefaultAccountIdAsync(), "https://head.example/hook");
        string[] paths = [$"{account}/webhooks", $"{account}/webhooks/{webhook.Id}", $"{account}/deliveries?page_size=5", "/api/v1/whoami", "/api/v1/event_types"];

        foreach (var path in paths)
        {
            var get = await client.GetAsync(path);
            var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {path} answered {(int)head.StatusCode}");
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Head_AnswersGetsErrors_WhenTheObjectIsMissingOrTheTokenIsWrong()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(served.BaseUrl) };

        var missing = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"{account}/webhooks/{Guid.NewGuid()}"));
        var unauthorized = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"{account}/webhooks"));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    [Theory]
    [InlineData("/webhooks", "GET, HEAD, OPTIONS, PUT")]
    [InlineData("/webhooks/{id}", "DELETE, GET, HEAD, OPTIONS, PATCH, POST")]
    [InlineData("/webhooks/{id}/test", "OPTIONS, POST")]
    [InlineData("/events", "OPTIONS, POST")]
    [InlineData("/deliveries", "GET, HEAD, OPTIONS")]
    public async Task Options_Answers204WithAllow_WhenThePathIsARoute(string path, string allowed)
    {
        var url = account + path.Replace("{id}", Guid.NewGuid().ToString());

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, url));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Options_AnswersTheErrorShape_WhenThePathIsNoRouteOrTheTokenIsMissing()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(served.BaseUrl) };

        var unknown = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, account + "/nothing-here"));
        var unauthorized = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Options, account + "/webhooks"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(unknown), 404);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(unauthorized), 401);
    }

    [Fact]
    public async Task Document_LeavesOutHead_WhileGetRoutesTakeIt()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;

        var methods = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Key)).ToList();
        Assert.Contains("get", methods);
        Assert.DoesNotContain("head", methods);
    }
}
