using System.Text;
using System.Text.Json.Nodes;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests;

/// <summary>
/// Requests past the request line and header limits (8 KiB, 32 KiB and 100 headers, Kestrel's defaults), through
/// Kestrel on loopback: the API answers in its error shape, pages in short text, and a request just within them is
/// served as before.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RequestLimitsTests : IAsyncLifetime
{
    private const string WhoAmI = "/api/v1/whoami";
    private ServedApp served = null!;
    private string host = null!;

    public Task InitializeAsync()
    {
        served = ServedApp.Start();
        host = "Host: " + new Uri(served.BaseUrl).Authority;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await served.DisposeAsync();

    [Fact]
    public async Task Api_AnswersInTheErrorShape_WhenTheRequestLineIsOneByteTooLong()
    {
        var answer = await SendAsync(RequestLine(WhoAmI, 8 * 1024 + 1), HeaderLines());

        var json = ApiError(answer, 414);
        Assert.Contains("request line too long", json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Api_AnswersInTheErrorShape_WhenTheHeadersAreOneByteTooLarge()
    {
        var answer = await SendAsync(RequestLine(WhoAmI, 200), HeaderLines(32 * 1024 + 1));

        var json = ApiError(answer, 431);
        Assert.Contains("request headers too large", json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Api_AnswersInTheErrorShape_WhenTheHeadersAreOneByteTooLargeInUtf8()
    {
        // A value of three-byte characters: 32 KiB + 1 bytes on the wire, about a third of that in characters.
        var answer = await SendAsync(RequestLine(WhoAmI, 200), HeaderLines(32 * 1024 + 1, pad: '€'));

        var json = ApiError(answer, 431);
        Assert.Contains("request headers too large", json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Api_AnswersInTheErrorShape_WhenThereIsOneHeaderTooMany()
    {
        var answer = await SendAsync(RequestLine(WhoAmI, 200), HeaderLines(count: 101));

        var json = ApiError(answer, 431);
        Assert.Contains("too many request headers", json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Api_ServesTheRequest_WhenItIsJustWithinEveryLimit()
    {
        var longLine = await SendAsync(RequestLine(WhoAmI, 8 * 1024), HeaderLines());
        var largeHeaders = await SendAsync(RequestLine(WhoAmI, 200), HeaderLines(32 * 1024));
        var manyHeaders = await SendAsync(RequestLine(WhoAmI, 200), HeaderLines(count: 100));
        var largeUtf8Headers = await SendAsync(RequestLine(WhoAmI, 200), HeaderLines(32 * 1024, pad: '€'));

        Assert.All([longLine, largeHeaders, manyHeaders, largeUtf8Headers], answer => Assert.True(answer.Status == 200, $"{answer.Status}: {answer.Body}"));
        Assert.Equal("success", JsonNode.Parse(longLine.Body)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Page_AnswersShortText_WhenTheRequestLineIsTooLong()
    {
        var answer = await SendAsync(RequestLine("/webhooks", 8 * 1024 + 1), HeaderLines());

        Assert.Equal(414, answer.Status);
        Assert.StartsWith("text/plain", answer.ContentType);
        Assert.Equal("Request line too long: at most 8192 bytes.", answer.Body.Trim());
    }

    [Fact]
    public async Task Page_AnswersShortText_WhenTheHeadersAreTooLarge()
    {
        var answer = await SendAsync(RequestLine("/webhooks", 200), HeaderLines(32 * 1024 + 1));

        Assert.Equal(431, answer.Status);
        Assert.StartsWith("text/plain", answer.ContentType);
        Assert.Equal("Request headers too large: at most 32768 bytes in all.", answer.Body.Trim());
    }

    private Task<RawHttpAnswer> SendAsync(string requestLine, IEnumerable<string> headers) =>
        RawHttp.SendAsync(served.BaseUrl, requestLine, headers);

    /// <summary>A GET of <paramref name="path"/> whose request line, its line end included, is <paramref name="size"/> bytes.</summary>
    private static string RequestLine(string path, int size)
    {
        var bare = $"GET {path}?pad= HTTP/1.1";
        var line = $"GET {path}?pad={new string('x', size - bare.Length - 2)} HTTP/1.1";
        Assert.Equal(size, line.Length + 2);
        return line;
    }

    /// <summary>
    /// Host, the API token and Connection, then padding headers: up to <paramref name="count"/> header lines in all,
    /// <paramref name="size"/> bytes in UTF-8 in all (each <c>Name: value</c> and its line end) when given, padded with
    /// as many <paramref name="pad"/> characters as fit and ASCII for the rest.
    /// </summary>
    private List<string> HeaderLines(int? size = null, int count = 3, char pad = 'p')
    {
        var lines = new List<string> { host, "X-Auth-Token: " + AppFactory.Token, "Connection: close" };
        for (var i = lines.Count; i < count; i++)
        {
            lines.Add($"X-Extra-{i}: {i}");
        }
        if (size is { } total)
        {
            var padBytes = total - lines.Sum(Utf8Size) - "X-Pad: ".Length - 2;
            var padSize = Encoding.UTF8.GetByteCount([pad]);
            lines.Add("X-Pad: " + new string(pad, padBytes / padSize) + new string('p', padBytes % padSize));
            Assert.Equal(total, lines.Sum(Utf8Size));
        }
        return lines;
    }

    private static int Utf8Size(string line) => Encoding.UTF8.GetByteCount(line) + 2;

    private static JsonObject ApiError(RawHttpAnswer answer, int status)
    {
        Assert.True(answer.Status == status, $"expected {status}, got {answer.Status}: {answer.Body}");
        Assert.StartsWith("application/json", answer.ContentType);
        var json = JsonNode.Parse(answer.Body)!.AsObject();
        ApiAssert.ErrorShape(json, status);
        Assert.Empty(json["data"]!.AsObject());
        return json;
    }
}
