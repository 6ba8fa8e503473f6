using System.Net;
using System.Text.Json.Nodes;
using WebhookConsole.Features.Webhooks;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Api;

/// <summary>
/// The OpenAPI document describes every body and every answer, in the names the API really reads and writes, so that a
/// client generated from it works.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiSchemaTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private const string Account = "/api/v1/accounts/{account_id}";

    private static readonly string[] RoutesWithBody =
    [
        $"put {Account}/webhooks",
        $"post {Account}/webhooks/{{webhook_id}}",
        $"patch {Account}/webhooks/{{webhook_id}}",
        $"post {Account}/webhooks/{{webhook_id}}/test",
        $"put {Account}/environments",
        $"post {Account}/environments/{{environment_id}}",
        $"patch {Account}/environments/{{environment_id}}",
        $"post {Account}/events",
    ];

    private static readonly string[] ErrorProperties = ["data", "error", "message", "request_id", "status"];

    [Fact]
    public async Task Document_DescribesTheDataOfEveryRouteThatTakesABody_WhenRequested()
    {
        var document = await DocumentAsync();

        foreach (var (key, operation) in Operations(document))
        {
            var body = operation["requestBody"];
            if (!RoutesWithBody.Contains(key))
            {
                Assert.True(body is null, $"{key} takes no body");
                continue;
            }
            Assert.True(body is not null, $"{key} has a requestBody");
            var envelope = Resolve(document, body!["content"]!["application/json"]!["schema"]!);
            Assert.Equal(["data"], Names(envelope["required"]));
            var data = Resolve(document, envelope["properties"]!["data"]!);
            Assert.Equal("object", data["type"]!.GetValue<string>());
            Assert.NotEmpty(data["properties"]!.AsObject());
        }
        Assert.Equal(WebhookFields.Writable.Order(), DataProperties(document, $"put {Account}/webhooks"));
        Assert.Equal(["name", "webhooks"], DataProperties(document, $"put {Account}/environments"));
        Assert.Equal(["environment", "event", "id", "payload", "timestamp"], DataProperties(document, $"post {Account}/events"));
        Assert.Equal(["event"], DataProperties(document, $"post {Account}/webhooks/{{webhook_id}}/test"));
        var ingest = Resolve(document, Resolve(document, Body(document, $"post {Account}/events"))["properties"]!["data"]!);
        Assert.Equal(["environment", "event"], Names(ingest["required"]));
        foreach (var create in new[] { $"put {Account}/webhooks", $"put {Account}/environments" })
        {
            Assert.NotNull(Operation(document, create)["responses"]!["201"]!["headers"]?["Location"]);
        }
        var webhook = Resolve(document, Resolve(document, Body(document, $"put {Account}/webhooks"))["properties"]!["data"]!);
        Assert.Equal("integer", webhook["properties"]!["retries"]!["type"]!.AsArray().Single(t => t!.GetValue<string>() != "null")!.GetValue<string>());
        Assert.Null(webhook["required"]);
    }

    [Fact]
    public async Task Document_DescribesEveryAnswerInTheEnvelopeOrTheErrorShape_WhenRequested()
    {
        var document = await DocumentAsync();

        foreach (var (key, operation) in Operations(document))
        {
            var responses = operation["responses"]!.AsObject();
            Assert.True(responses.ContainsKey("401"), $"{key} declares 401");
            if (key.StartsWith("post") || key.StartsWith("put") || key.StartsWith("patch"))
            {
                // Every body is read the same way, also on the routes that take no fields.
                Assert.True(responses.ContainsKey("413") && responses.ContainsKey("415"), $"{key} declares 413 and 415");
            }
            Assert.Contains(responses, r => r.Key.StartsWith('2'));
            foreach (var (status, response) in responses)
            {
                var schema = Resolve(document, response!["content"]!["application/json"]!["schema"]!);
                var properties = schema["properties"]!.AsObject();
                if (status.StartsWith('2'))
                {
                    Assert.True(properties.ContainsKey("data") && properties.ContainsKey("request_id"), $"{key} {status} is in the envelope");
                    Assert.Equal(["success"], Names(properties["status"]!["enum"]));
                }
                else
                {
                    Assert.True(ErrorProperties.SequenceEqual(properties.Select(p => p.Key).Order()), $"{key} {status} is the error shape");
                    Assert.Equal(["error"], Names(properties["status"]!["enum"]));
                    Assert.Equal(ErrorProperties, Names(schema["required"]));
                }
            }
        }
    }

    [Fact]
    public async Task Schemas_NameThePropertiesTheApiSends_WhenComparedWithRealAnswers()
    {
        var document = await DocumentAsync();
        var client = fixture.Client;
        var accounts = fixture.Account;

        var created = await client.SendDataAsync(HttpMethod.Put, accounts + "/webhooks", new { uri = "https://schema.example/hook", hook = "Call:Hangup" });
        var createdJson = await Answer(created, HttpStatusCode.Created);
        AssertFits(document, createdJson, Response(document, $"put {Account}/webhooks", "201"), "create webhook");
        Assert.True(createdJson["data"]!.AsObject().ContainsKey("secret"));
        var webhookId = createdJson["data"]!["id"]!.GetValue<string>();

        var read = await Answer(await client.GetAsync($"{accounts}/webhooks/{webhookId}"), HttpStatusCode.OK);
        AssertFits(document, read, Response(document, $"get {Account}/webhooks/{{webhook_id}}", "200"), "read webhook");
        var list = await Answer(await client.GetAsync(accounts + "/webhooks"), HttpStatusCode.OK);
        AssertFits(document, list, Response(document, $"get {Account}/webhooks", "200"), "list webhooks");

        var environmentName = "schema-" + Guid.NewGuid().ToString("N");
        var environment = await Answer(await client.SendDataAsync(HttpMethod.Put, accounts + "/environments",
            new { name = environmentName, webhooks = new[] { webhookId } }), HttpStatusCode.Created);
        AssertFits(document, environment, Response(document, $"put {Account}/environments", "201"), "create environment");

        var ingested = await Answer(await client.SendDataAsync(HttpMethod.Post, accounts + "/events",
            new { @event = "Call:Hangup", environment = environmentName, payload = new { duration = 60 } }), HttpStatusCode.Accepted);
        AssertFits(document, ingested, Response(document, $"post {Account}/events", "202"), "ingest");

        var deliveries = await Answer(await client.GetAsync($"{accounts}/deliveries?webhook_id={webhookId}&page_size=1"), HttpStatusCode.OK);
        AssertFits(document, deliveries, Response(document, $"get {Account}/deliveries", "200"), "list deliveries");
        Assert.NotEmpty(deliveries["data"]!.AsArray());

        var whoami = await Answer(await client.GetAsync("/api/v1/whoami"), HttpStatusCode.OK);
        AssertFits(document, whoami, Response(document, "get /api/v1/whoami", "200"), "whoami");

        var refused = await Answer(await client.SendDataAsync(HttpMethod.Put, accounts + "/webhooks", new { uri = "https://schema.example/hook", hook = "*", retries = "3" }),
            HttpStatusCode.BadRequest);
        AssertFits(document, refused, Response(document, $"put {Account}/webhooks", "400"), "refused create");
    }

    private async Task<JsonObject> DocumentAsync()
    {
        using var anonymous = fixture.App.CreateClient();
        return JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!.AsObject();
    }

    private static async Task<JsonObject> Answer(HttpResponseMessage response, HttpStatusCode status)
    {
        var json = await AppFactory.ReadJsonAsync(response);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {json.ToJsonString()}");
        return json;
    }

    private static IEnumerable<(string Key, JsonNode Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => ($"{o.Key} {p.Key}", o.Value!)));

    private static JsonNode Operation(JsonObject document, string key) => Operations(document).Single(o => o.Key == key).Operation;

    private static JsonNode Body(JsonObject document, string key) => Operation(document, key)["requestBody"]!["content"]!["application/json"]!["schema"]!;

    private static JsonNode Response(JsonObject document, string key, string status) =>
        Operation(document, key)["responses"]![status]!["content"]!["application/json"]!["schema"]!;

    private static string[] DataProperties(JsonObject document, string key)
    {
        var data = Resolve(document, Resolve(document, Body(document, key))["properties"]!["data"]!);
        return [.. data["properties"]!.AsObject().Select(p => p.Key).Order()];
    }

    private static string[] Names(JsonNode? array) => array is null ? [] : [.. array.AsArray().Select(n => n!.GetValue<string>()).Order()];

    /// <summary>The schema a <c>$ref</c> points to, or the schema itself.</summary>
    private static JsonObject Resolve(JsonObject document, JsonNode schema)
    {
        var node = schema.AsObject();
        while (node["$ref"]?.GetValue<string>() is { } reference)
        {
            node = document["components"]!["schemas"]![reference["#/components/schemas/".Length..]]!.AsObject();
        }
        return node;
    }

    /// <summary>
    /// Every property the answer has is one the schema names, and every one the schema requires is there, down through
    /// nested objects and arrays.
    /// </summary>
    private static void AssertFits(JsonObject document, JsonNode? actual, JsonNode schemaNode, string where)
    {
        if (actual is null)
        {
            return;
        }
        var schema = Resolve(document, schemaNode);
        if (schema["oneOf"] is JsonArray options)
        {
            schema = Resolve(document, options.Single(o => o!["type"]?.GetValue<string>() != "null")!);
        }
        if (actual is JsonArray items && schema["items"] is { } itemSchema)
        {
            foreach (var item in items)
            {
                AssertFits(document, item, itemSchema, where + "[]");
            }
            return;
        }
        if (actual is not JsonObject obj || schema["properties"] is not JsonObject properties)
        {
            return;
        }
        foreach (var (name, value) in obj)
        {
            Assert.True(properties.ContainsKey(name), $"{where}: '{name}' is sent but not in the schema ({string.Join(", ", properties.Select(p => p.Key))})");
            AssertFits(document, value, properties[name]!, $"{where}.{name}");
        }
        foreach (var required in Names(schema["required"]))
        {
            Assert.True(obj.ContainsKey(required), $"{where}: the schema requires '{required}', which is not sent");
        }
    }
}
