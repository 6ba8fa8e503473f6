using System.Net;
using System.Text.Json.Nodes;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Api;

[Collection(AppCollection.Name)]
public sealed class OpenApiDocumentTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task Document_ListsEveryRouteWithoutToken_WhenRequestedAnonymously()
    {
        using var anonymous = fixture.App.CreateClient();

        var response = await anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["paths"]!.AsObject();
        string[] expected =
        [
            "/api/v1/accounts/{account_id}/webhooks",
            "/api/v1/accounts/{account_id}/webhooks/{webhook_id}",
            "/api/v1/accounts/{account_id}/webhooks/attempts",
            "/api/v1/accounts/{account_id}/webhooks/{webhook_id}/attempts",
            "/api/v1/accounts/{account_id}/webhooks/{webhook_id}/test",
            "/api/v1/accounts/{account_id}/webhooks/{webhook_id}/rotate_secret",
            "/api/v1/accounts/{account_id}/environments",
            "/api/v1/accounts/{account_id}/environments/{environment_id}",
            "/api/v1/accounts/{account_id}/events",
            "/api/v1/accounts/{account_id}/deliveries",
            "/api/v1/accounts/{account_id}/deliveries/replay",
            "/api/v1/accounts/{account_id}/deliveries/{delivery_id}/replay",
            "/api/v1/event_types",
            "/api/v1/whoami",
        ];
        Assert.All(expected, p => Assert.True(paths.ContainsKey(p), $"{p} is in the document"));
        Assert.Equal(["delete", "get", "patch", "post"], paths["/api/v1/accounts/{account_id}/webhooks/{webhook_id}"]!.AsObject().Select(p => p.Key).Order().ToArray());
    }

    [Fact]
    public async Task ReferencePage_IsServedWithoutToken_WhenRequested()
    {
        using var anonymous = fixture.App.CreateClient();

        var response = await anonymous.GetAsync("/api-reference/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"url\":\"openapi/v1.json\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EventTypes_AnswersCatalogueWithSamples_WhenRequested()
    {
        var types = await ApiAssert.SuccessAsync(await fixture.Client.GetAsync("/api/v1/event_types"));

        var hangup = types.AsArray().Single(t => t!["name"]!.GetValue<string>() == "Call:Hangup")!;
        Assert.False(string.IsNullOrEmpty(hangup["description"]!.GetValue<string>()));
        Assert.True(hangup["sample"]!.AsObject().ContainsKey("recording_url"));
        Assert.Single(types.AsArray(), t => t!["name"]!.GetValue<string>() == "call.failed");
    }

    [Fact]
    public async Task UnknownApiRoute_AnswersErrorShape_WhenTokenIsValid()
    {
        var response = await fixture.Client.GetAsync("/api/v1/nothing/here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(response), 404);
    }
}
