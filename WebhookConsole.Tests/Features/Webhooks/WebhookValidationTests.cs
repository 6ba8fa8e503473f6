using System.Net;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Webhooks;

/// <summary>Every bad webhook field answers 400 naming the field, and a rejected request changes nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class WebhookValidationTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private readonly HttpClient client = fixture.Client;

    public static TheoryData<string, string> BadFields => new()
    {
        { """{"uri": "/relative", "hook": "*"}""", "uri" },
        { """{"uri": "ftp://example.com/x", "hook": "*"}""", "uri" },
        { """{"uri": "https://exa mple.com/x", "hook": "*"}""", "uri" },
        { """{"uri": "https://example.com/a\tb", "hook": "*"}""", "uri" },
        { """{"uri": "https://example.com/x\n", "hook": "*"}""", "uri" },
        { """{"uri": "https://example.com/a\u200bb", "hook": "*"}""", "uri" },
        { """{"uri": "https://example.com/a\u202eb", "hook": "*"}""", "uri" },
        { """{"uri": "https://exa\u200bmple.com/x", "hook": "*"}""", "uri" },
        { """{"uri": "https://bob:hunter2@example.com/x", "hook": "*"}""", "uri" },
        { """{"uri": "https://bob@example.com/x", "hook": "*"}""", "uri" },
        { """{"hook": "*"}""", "uri" },
        { """{"uri": 5, "hook": "*"}""", "uri" },
        { """{"uri": "https://example.com"}""", "hook" },
        { """{"uri": "https://example.com", "hook": "Call:Teleport"}""", "hook" },
        { """{"uri": "https://example.com", "hook": "*", "http_verb": "put"}""", "http_verb" },
        { """{"uri": "https://example.com", "hook": "*", "retries": "3"}""", "retries" },
        { """{"uri": "https://example.com", "hook": "*", "retries": 11}""", "retries" },
        { """{"uri": "https://example.com", "hook": "*", "retries": -1}""", "retries" },
        { """{"uri": "https://example.com", "hook": "*", "retries": 2.5}""", "retries" },
        { """{"uri": "https://example.com", "hook": "*", "retries": 1e400}""", "retries" },
        { """{"uri": "https://example.com", "hook": "*", "timeout_seconds": 0}""", "timeout_seconds" },
        { """{"uri": "https://example.com", "hook": "*", "timeout_seconds": 61}""", "timeout_seconds" },
        { """{"uri": "https://example.com", "hook": "*", "enabled": "true"}""", "enabled" },
        { """{"uri": "https://example.com", "hook": "*", "custom_data": [1]}""", "custom_data" },
        { """{"uri": "https://example.com", "hook": "*", "headers": {"Host": "evil"}}""", "headers" },
        { """{"uri": "https://example.com", "hook": "*", "headers": {"Content-Length": "1"}}""", "headers" },
        { """{"uri": "https://example.com", "hook": "*", "headers": {"webhook-signature": "v1,x"}}""", "headers" },
        { """{"uri": "https://example.com", "hook": "*", "headers": {"Bad Name": "v"}}""", "headers" },
        { """{"uri": "https://example.com", "hook": "*", "headers": {"X-Ok": "a\r\nX-Injected: b"}}""", "headers" },
        { """{"uri": "https://example.com", "hook": "*", "headers": {"X-Num": 5}}""", "headers" },
        { """{"uri": "https://example.com", "hook": "*", "headers": {"X-Twice": "a", " x-twice ": "b"}}""", "headers" },
        { """{"uri": "https://example.com", "hook": "*", "headers": {"X-Caller": "José"}}""", "headers" },
        { """{"uri": "https://example.com", "hook": "*", "headers": {"X-Caller": "\u00a0"}}""", "headers" },
        { """{"uri": "https://example.com", "hook": "*", "signing": "rsa"}""", "signing" },
        { """{"uri": "https://example.com", "hook": "*", "signing": "standard", "secret": "short"}""", "secret" },
        { """{"uri": "https://example.com", "hook": "*", "signing": "none", "secret": "abcdefghijklmnopqrstuvwxyz"}""", "secret" },
        { """{"uri": "https://example.com", "hook": "*", "body_template": "[1, 2]"}""", "body_template" },
        { """{"uri": "https://example.com", "hook": "*", "colour": "red"}""", "colour" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task CreateAndReplace_Answer400NamingFieldAndChangeNothing_WhenFieldIsBad(string data, string field)
    {
        var existing = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "https://keep.example/x");
        var before = await fixture.App.Data.SnapshotAsync();

        var create = await client.SendRawAsync(HttpMethod.Put, fixture.Account + "/webhooks", $$"""{"data": {{data}}}""");
        var replace = await client.SendRawAsync(HttpMethod.Post, $"{fixture.Account}/webhooks/{existing.Id}", $$"""{"data": {{data}}}""");

        await ApiAssert.FieldErrorAsync(create, HttpStatusCode.BadRequest, field);
        await ApiAssert.FieldErrorAsync(replace, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await fixture.App.Data.SnapshotAsync());
    }

    [Fact]
    public async Task Create_NamesLineAndColumn_WhenTemplateIsInvalid()
    {
        var template = "{\n  \"a\": \"{{ duration \"\n}";

        var response = await client.SendDataAsync(HttpMethod.Put, fixture.Account + "/webhooks", new { uri = "https://example.com", hook = "*", body_template = template });

        var json = await ApiAssert.FieldErrorAsync(response, HttpStatusCode.BadRequest, "body_template");
        Assert.Matches("^line 2, column [0-9]+: ", json["data"]!["body_template"]!["template"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_ReportsEveryBadField_WhenSeveralAreBad()
    {
        var response = await client.SendRawAsync(HttpMethod.Put, fixture.Account + "/webhooks",
            """{"data": {"uri": "nope", "hook": "Call:Teleport", "retries": 99, "http_verb": "delete"}}""");

        var json = await ApiAssert.FieldErrorAsync(response, HttpStatusCode.BadRequest, "uri");
        Assert.Equal(["hook", "http_verb", "retries", "uri"], json["data"]!.AsObject().Select(p => p.Key).Order().ToArray());
    }

    [Theory]
    [InlineData("retries", "1e20", "retries must be between 0 and 10")]
    [InlineData("retries", "-99999999999", "retries must be between 0 and 10")]
    [InlineData("timeout_seconds", "1e10", "timeout_seconds must be between 1 and 60")]
    public async Task Create_AnswersTheFieldsOwnRange_WhenNumberIsBeyondAnInt(string field, string number, string message)
    {
        var response = await client.SendRawAsync(HttpMethod.Put, fixture.Account + "/webhooks",
            $$$"""{"data": {"uri": "https://example.com", "hook": "*", "{{{field}}}": {{{number}}}}}""");

        var json = await ApiAssert.FieldErrorAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(message, json["data"]![field]!["range"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"uri": "https://example.com", "hook": "*", "name": "half \ud83d"}""")]
    [InlineData("""{"uri": "https://example.com", "hook": "*", "headers": {"X-Caller": "\ude00"}}""")]
    [InlineData("""{"uri": "https://example.com", "hook": "*", "custom_data": {"\ud800": 1}}""")]
    [InlineData("""{"uri": "https://example.com", "hook": "*", "c\udbffolour": "red"}""")]
    public async Task CreateReplaceAndPatch_Answer400AndChangeNothing_WhenTextHoldsHalfASurrogatePair(string data)
    {
        var existing = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "https://keep.example/x");
        var before = await fixture.App.Data.SnapshotAsync();

        foreach (var (method, url) in new[]
        {
            (HttpMethod.Put, fixture.Account + "/webhooks"),
            (HttpMethod.Post, $"{fixture.Account}/webhooks/{existing.Id}"),
            (HttpMethod.Patch, $"{fixture.Account}/webhooks/{existing.Id}"),
        })
        {
            var response = await client.SendRawAsync(method, url, $$"""{"data": {{data}}}""");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var json = await AppFactory.ReadJsonAsync(response);
            ApiAssert.ErrorShape(json, 400);
            Assert.Contains("holds half of a UTF-16 surrogate pair", json["message"]!.GetValue<string>());
        }
        Assert.Equal(before, await fixture.App.Data.SnapshotAsync());
    }

    [Fact]
    public async Task Patch_Answers400AndChangesNothing_WhenUriIsNulled()
    {
        var existing = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "https://keep.example/x");
        var before = await fixture.App.Data.SnapshotAsync();

        var response = await client.SendRawAsync(HttpMethod.Patch, $"{fixture.Account}/webhooks/{existing.Id}", """{"data": {"uri": null, "retries": 2}}""");

        await ApiAssert.FieldErrorAsync(response, HttpStatusCode.BadRequest, "uri");
        Assert.Equal(before, await fixture.App.Data.SnapshotAsync());
    }

    [Fact]
    public async Task Create_Answers413_WhenBodyIsOverLimit()
    {
        var body = "{\"data\": {\"uri\": \"https://example.com\", \"hook\": \"*\", \"name\": \"" + new string('x', 1024 * 1024) + "\"}}";

        var response = await client.SendRawAsync(HttpMethod.Put, fixture.Account + "/webhooks", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(response), 413);
    }

    [Fact]
    public async Task CreateAndReplace_Answer400OnCustomData_WhenItNestsDeeperThan32Levels()
    {
        var existing = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "https://keep.example/x");
        var before = await fixture.App.Data.SnapshotAsync();
        var deep = "{\"uri\": \"https://example.com\", \"hook\": \"*\", \"custom_data\": "
            + string.Concat(Enumerable.Repeat("{\"a\": ", 33)) + "1" + new string('}', 33) + "}";

        var create = await client.SendRawAsync(HttpMethod.Put, fixture.Account + "/webhooks", $$"""{"data": {{deep}}}""");
        var replace = await client.SendRawAsync(HttpMethod.Post, $"{fixture.Account}/webhooks/{existing.Id}", $$"""{"data": {{deep}}}""");

        var json = await ApiAssert.FieldErrorAsync(create, HttpStatusCode.BadRequest, "custom_data");
        Assert.Equal("custom_data nests deeper than 32 levels", json["data"]!["custom_data"]!["depth"]!.GetValue<string>());
        await ApiAssert.FieldErrorAsync(replace, HttpStatusCode.BadRequest, "custom_data");
        Assert.Equal(before, await fixture.App.Data.SnapshotAsync());
    }

    [Fact]
    public async Task Create_KeepsCustomData_WhenItNests32Levels()
    {
        var customData = string.Concat(Enumerable.Repeat("{\"a\": ", 32)) + "1" + new string('}', 32);

        var response = await client.SendRawAsync(HttpMethod.Put, fixture.Account + "/webhooks",
            "{\"data\": {\"uri\": \"https://example.com\", \"hook\": \"*\", \"custom_data\": " + customData + "}}");

        var created = await ApiAssert.SuccessAsync(response, HttpStatusCode.Created);
        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(customData)!.ToJsonString(), created["custom_data"]!.ToJsonString());
    }
}
