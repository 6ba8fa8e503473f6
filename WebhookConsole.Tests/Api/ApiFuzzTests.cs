using System.Diagnostics;
using WebhookConsole.Tests.Support;
using Xunit.Abstractions;

namespace WebhookConsole.Tests.Api;

/// <summary>
/// Thousands of random bodies against create-webhook and ingest: never a 5xx, and a rejected request
/// never changes what is stored. Fixed seed (printed), bounded in count and time.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ApiFuzzTests(ApiAppFixture fixture, ITestOutputHelper output) : IClassFixture<ApiAppFixture>
{
    private const int Seed = 20261123;
    private const int Requests = 2000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    private static readonly string[] Fields =
    [
        "id", "name", "uri", "http_verb", "hook", "retries", "custom_data", "enabled", "body_template", "timeout_seconds",
        "headers", "signing", "secret", "created", "updated", "disabled_reason", "event", "environment", "timestamp", "payload",
    ];

    private static readonly string[] Plausible =
    [
        "https://example.com/hook", "http://127.0.0.1:9/x", "ftp://x", "/relative", "", " ", "*", "Call:Hangup", "channel_create",
        "get", "POST", "put", "standard", "hex", "none", "frejun", "FuzzEnv", "2024-07-30T14:35:00Z", "yesterday",
        "{\"a\": \"{{ duration }}\"}", "{{", "[1]", "whsec_AAAA", "0123456789abcdef0123",
    ];

    [Fact]
    public async Task RandomBodies_NeverAnswer5xxNorChangeDataWhenRejected_WhenSentToCreateAndIngest()
    {
        output.WriteLine($"seed {Seed}");
        await fixture.App.Data.AddEnvironmentAsync(fixture.AccountId, "FuzzEnv");
        var random = new Random(Seed);
        var routes = new[]
        {
            (HttpMethod.Put, fixture.Account + "/webhooks", new RandomJson(random, Fields, Plausible, "\"uri\": \"https://example.com/hook\", \"hook\": \"*\"")),
            (HttpMethod.Post, fixture.Account + "/events", new RandomJson(random, Fields, Plausible, "\"event\": \"Call:Hangup\", \"environment\": \"FuzzEnv\"")),
        };
        var snapshot = await fixture.App.Data.SnapshotAsync();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var accepted = 0;

        for (; sent < Requests && clock.Elapsed < Budget; sent++)
        {
            var (method, url, generator) = routes[sent % 2];
            var body = generator.Body();
            var response = await fixture.Client.SendRawAsync(method, url, body);
            var status = (int)response.StatusCode;

            Assert.True(status < 500, $"request {sent} (seed {Seed}) answered {status}: {Shorten(body)}");
            if (status >= 400)
            {
                ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(response), status);
                var after = await fixture.App.Data.SnapshotAsync();
                Assert.True(snapshot == after, $"request {sent} (seed {Seed}) was rejected with {status} but changed data: {Shorten(body)}");
            }
            else
            {
                accepted++;
                snapshot = await fixture.App.Data.SnapshotAsync();
            }
        }

        output.WriteLine($"{sent} requests in {clock.Elapsed.TotalSeconds:0.0} s, {accepted} accepted");
        Assert.True(sent >= 1000, $"only {sent} requests fitted in the time budget");
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
