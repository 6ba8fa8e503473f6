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
    public async Task Document_DeclaresEveryPathParameterTheTokenAndTheListsQuery_WhenRequested()
    {
        using var anonymous = fixture.App.CreateClient();

        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;

        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!)))
            .ToList();
        foreach (var (path, method, operation) in operations)
        {
            var declared = operation["parameters"]?.AsArray().Where(p => p!["in"]!.GetValue<string>() == "path")
                .Select(p => p!["name"]!.GetValue<string>()).ToHashSet() ?? [];
            foreach (var name in System.Text.RegularExpressions.Regex.Matches(path, "{([a-z_]+)}").Select(m => m.Groups[1].Value))
            {
                Assert.True(declared.Contains(name), $"{method} {path} declares {name}");
            }
        }
        var scheme = document["components"]!["securitySchemes"]!.AsObject().Single().Value!;
        Assert.Equal("apiKey", scheme["type"]!.GetValue<string>());
        Assert.Equal("header", scheme["in"]!.GetValue<string>());
        Assert.Equal("X-Auth-Token", scheme["name"]!.GetValue<string>());
        Assert.NotEmpty(document["security"]!.AsArray());
        string[] query = ["status", "webhook_id", "event", "since", "until", "test", "page_size", "start_key"];
        var deliveries = document["paths"]!["/api/v1/accounts/{account_id}/deliveries"]!["get"]!;
        Assert.Equal(query, deliveries["parameters"]!.AsArray().Where(p => p!["in"]!.GetValue<string>() == "query").Select(p => p!["name"]!.GetValue<string>()));
        foreach (var list in new[] { "webhooks", "environments" })
        {
            var get = document["paths"]![$"/api/v1/accounts/{{account_id}}/{list}"]!["get"]!;
            Assert.Equal(["page_size", "start_key"], get["parameters"]!.AsArray().Where(p => p!["in"]!.GetValue<string>() == "query").Select(p => p!["name"]!.GetValue<string>()));
        }
        Assert.True(document["paths"]!["/api/v1/accounts/{account_id}/webhooks"]!["put"]!["responses"]!.AsObject().ContainsKey("201"));
        Assert.True(document["paths"]!["/api/v1/accounts/{account_id}/events"]!["post"]!["responses"]!.AsObject().ContainsKey("202"));
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
