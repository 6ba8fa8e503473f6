using System.Net;
using System.Net.Http.Headers;
using System.Text;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Api;

/// <summary>
/// What every body-taking route does with the body's bytes and media type, before any field is looked at: a clear
/// 4xx in the error shape for what is not UTF-8 JSON, and nothing stored.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ApiRequestBodyTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private const string Webhook = """{"data": {"uri": "https://example.com/body", "hook": "*", "name": "body test"}}""";

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        return await fixture.Client.SendAsync(new HttpRequestMessage(method, url) { Content = content });
    }

    /// <summary>Sends a body to every route that reads one; answers the responses and what the database held before.</summary>
    private async Task<(IReadOnlyList<(HttpResponseMessage Response, string Route)> Answers, string Before)> SendToEveryRouteAsync(
        Func<string, byte[]> body, string? contentType)
    {
        var existing = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "https://keep.example/x");
        await fixture.App.Data.AddEnvironmentAsync(fixture.AccountId, "body-" + existing.Id);
        var before = await fixture.App.Data.SnapshotAsync();
        var answers = new List<(HttpResponseMessage, string)>();
        foreach (var (method, url, json) in new[]
        {
            (HttpMethod.Put, fixture.Account + "/webhooks", Webhook),
            (HttpMethod.Post, $"{fixture.Account}/webhooks/{existing.Id}", Webhook),
            (HttpMethod.Patch, $"{fixture.Account}/webhooks/{existing.Id}", Webhook),
            (HttpMethod.Put, fixture.Account + "/environments", """{"data": {"name": "body env"}}"""),
            (HttpMethod.Post, fixture.Account + "/events", "{\"data\": {\"event\": \"Call:Hangup\", \"environment\": \"body-" + existing.Id + "\", \"payload\": {\"name\": \"body\"}}}"),
            (HttpMethod.Post, $"{fixture.Account}/webhooks/{existing.Id}/test", """{"data": {"event": "body"}}"""),
        })
        {
            answers.Add((await SendAsync(method, url, body(json), contentType), $"{method} {url}"));
        }
        return (answers, before);
    }

    [Fact]
    public async Task EveryRoute_Answers400NamingWhere_WhenBodyIsNotUtf8()
    {
        // "body" written in Latin-1: é is the single byte 0xE9, which UTF-8 never has alone.
        var (answers, before) = await SendToEveryRouteAsync(json => Encoding.Latin1.GetBytes(json.Replace("body", "b\u00e9dy")), "application/json");

        foreach (var (response, route) in answers)
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{route}: {(int)response.StatusCode}");
            var json = await AppFactory.ReadJsonAsync(response);
            ApiAssert.ErrorShape(json, 400);
            Assert.Matches("^the request body is not UTF-8 text: line 1, column [0-9]+ ", json["message"]!.GetValue<string>());
        }
        Assert.Equal(before, await fixture.App.Data.SnapshotAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json; charset=utf-16")]
    public async Task EveryRoute_Answers415_WhenBodyIsSentAsAnotherMediaType(string contentType)
    {
        var (answers, before) = await SendToEveryRouteAsync(Encoding.UTF8.GetBytes, contentType);

        foreach (var (response, route) in answers)
        {
            Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{route}: {(int)response.StatusCode}");
            var json = await AppFactory.ReadJsonAsync(response);
            ApiAssert.ErrorShape(json, 415);
            Assert.Contains("application/json", json["message"]!.GetValue<string>());
        }
        Assert.Equal(before, await fixture.App.Data.SnapshotAsync());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("Application/JSON; charset=\"UTF-8\"")]
    [InlineData("application/json; charset=utf8")]
    [InlineData("application/merge-patch+json")]
    [InlineData(null)]
    public async Task Create_AcceptsTheBody_WhenItIsJsonByItsMediaTypeOrHasNone(string? contentType)
    {
        var response = await SendAsync(HttpMethod.Put, fixture.Account + "/webhooks", Encoding.UTF8.GetBytes(Webhook), contentType);

        await ApiAssert.SuccessAsync(response, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Create_AcceptsTheBody_WhenItStartsWithAByteOrderMark()
    {
        var response = await SendAsync(HttpMethod.Put, fixture.Account + "/webhooks", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Webhook)], "application/json");

        var created = await ApiAssert.SuccessAsync(response, HttpStatusCode.Created);
        Assert.Equal("body test", created["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_Answers400NamingTheProperty_WhenAKeyIsRepeated()
    {
        var existing = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "https://keep.example/x");

        var response = await fixture.Client.SendRawAsync(HttpMethod.Patch, $"{fixture.Account}/webhooks/{existing.Id}",
            "{\"data\": {\"enabled\": false,\n  \"enabled\": true}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await AppFactory.ReadJsonAsync(response);
        ApiAssert.ErrorShape(json, 400);
        Assert.Equal("malformed JSON at line 2, column 3: the property 'enabled' is given twice in one object", json["message"]!.GetValue<string>());
        Assert.True((await fixture.App.Data.WebhookAsync(existing.Id)).Enabled);
    }

    [Fact]
    public async Task Create_Answers400SayingHowDeep_WhenJsonNestsTooDeeply()
    {
        var deep = new string('[', 100) + new string(']', 100);

        var response = await fixture.Client.SendRawAsync(HttpMethod.Put, fixture.Account + "/webhooks",
            "{\"data\": {\"uri\": \"https://example.com\", \"hook\": \"*\", \"custom_data\": {\"a\": " + deep + "}}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await AppFactory.ReadJsonAsync(response);
        ApiAssert.ErrorShape(json, 400);
        Assert.Matches("^malformed JSON at line 1, column [0-9]+: it nests deeper than 64 levels$", json["message"]!.GetValue<string>());
    }
}
