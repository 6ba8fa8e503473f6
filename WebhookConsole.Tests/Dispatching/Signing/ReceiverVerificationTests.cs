using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching.Signing;

/// <summary>
/// Signatures checked as receivers check them: webhooks made and rotated through the API, events ingested through it,
/// and each request verified at a Kestrel receiver by the vendors' published formulas (<see cref="ReceiverSignatures"/>),
/// never by the app's own signer. The app's clock is the system's, moved ahead where a test needs a day to pass.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReceiverVerificationTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>Text a receiver must hash byte for byte: accents, Hebrew, an emoji, JSON escapes and URL delimiters.</summary>
    private const string Caller = "José Ñúñez — שלום 🎉 \"q\" \\ a&b=c+d /?#";

    private readonly ShiftedClock clock = new();
    private AppFactory app = null!;
    private WebApplicationFactory<Program> clocked = null!;
    private TestReceiver receiver = null!;
    private HttpClient client = null!;
    private string account = "";

    public async Task InitializeAsync()
    {
        receiver = await TestReceiver.StartAsync();
        app = new AppFactory();
        clocked = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        client = AppFactory.CreateApiClient(clocked);
        var whoami = await ApiAssert.SuccessAsync(await client.GetAsync("/api/v1/whoami"));
        account = $"/api/v1/accounts/{whoami["account_id"]!.GetValue<string>()}";
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await clocked.DisposeAsync();
        await app.DisposeAsync();
        await receiver.DisposeAsync();
    }

    public static TheoryData<string, string> SchemesAndMethods => new()
    {
        { "standard", "post" }, { "standard", "get" },
        { "frejun", "post" }, { "frejun", "get" },
        { "hex", "post" }, { "hex", "get" },
    };

    [Theory]
    [MemberData(nameof(SchemesAndMethods))]
    public async Task Delivery_VerifiesByTheVendorsFormula_WhenUrlHasPortAndQueryAndDataIsNotAscii(string signing, string method)
    {
        var path = $"/verify/{signing}-{method}";
        var (webhookId, secret) = await CreateWebhookAsync(receiver.Url(path + "?source=pbx&note=a%20b"), method, signing);
        var otherSecret = (await CreateWebhookAsync(receiver.Url("/unused"), "post", signing)).Secret;

        var request = await DeliverAsync(webhookId, path);

        Assert.Equal(method.ToUpperInvariant(), request.Method);
        Assert.StartsWith($"{receiver.BaseUrl}{path}?source=pbx&note=a%20b", request.AbsoluteUrl);
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/", request.AbsoluteUrl);
        if (method == "get")
        {
            Assert.Equal("", request.Body);
            Assert.Equal(Caller, System.Web.HttpUtility.ParseQueryString(request.Query)["data"] is { } data
                ? JsonNode.Parse(data)!["caller"]!.GetValue<string>() : null);
        }
        else
        {
            // The signed bytes are the bytes sent: nothing a text reader would drop (a byte order mark) precedes them.
            Assert.Equal(Encoding.UTF8.GetByteCount(request.Body).ToString(), request.Header("Content-Length"));
            Assert.Equal(Caller, JsonNode.Parse(request.Body)!["data"]!["caller"]!.GetValue<string>());
        }
        Assert.True(Verify(signing, request, secret), $"{signing} signature verifies over {request.Method} {request.AbsoluteUrl}");
        Assert.False(Verify(signing, request, otherSecret), "another webhook's secret does not verify");
    }

    [Theory]
    [InlineData("post")]
    [InlineData("get")]
    public async Task StandardRotation_SignsWithBothSecretsFor24HoursThenOnlyTheNew_WhenSecretIsRotated(string method)
    {
        var path = $"/rotate-{method}";
        var (webhookId, old) = await CreateWebhookAsync(receiver.Url(path + "?source=pbx"), method, "standard");
        var rotated = await ApiAssert.SuccessAsync(await client.PostAsync($"{account}/webhooks/{webhookId}/rotate_secret", null));
        var current = rotated["secret"]!.GetValue<string>();
        Assert.NotEqual(old, current);

        AssertSignedByBoth(await DeliverAsync(webhookId, path), old, current);
        clock.Offset = TimeSpan.FromHours(24) - TimeSpan.FromMinutes(2);
        AssertSignedByBoth(await DeliverAsync(webhookId, path), old, current);
        clock.Offset = TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1);
        var dayAfter = await DeliverAsync(webhookId, path);

        Assert.Single(ReceiverSignatures.StandardEntries(dayAfter));
        Assert.True(ReceiverSignatures.VerifyStandard(dayAfter, current, clock.GetUtcNow()), "the new secret verifies after 24 hours");
        Assert.False(ReceiverSignatures.VerifyStandard(dayAfter, old, clock.GetUtcNow()), "the old secret no longer signs after 24 hours");
    }

    /// <summary>Two v1 entries, one space between them, each verified by exactly one of the secrets, at the app's time.</summary>
    private void AssertSignedByBoth(ReceivedRequest request, string old, string current)
    {
        Assert.Equal(2, request.Header("webhook-signature").Split(' ').Length);
        Assert.All(ReceiverSignatures.StandardEntries(request), entry => Assert.StartsWith("v1,", entry));
        var byCurrent = Assert.Single(ReceiverSignatures.StandardEntriesVerifiedBy(request, current));
        var byOld = Assert.Single(ReceiverSignatures.StandardEntriesVerifiedBy(request, old));
        Assert.NotEqual(byCurrent, byOld);
        Assert.True(ReceiverSignatures.VerifyStandard(request, old, clock.GetUtcNow()), "a receiver still holding the old secret verifies");
        Assert.True(ReceiverSignatures.VerifyStandard(request, current, clock.GetUtcNow()), "a receiver holding the new secret verifies");
    }

    [Theory]
    [InlineData("standard", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=")]
    [InlineData("frejun", "the-receivers-own-frejun-secret")]
    [InlineData("hex", "the-receivers-own-volubile-secret")]
    public async Task Delivery_VerifiesWithTheClientsOwnSecret_WhenAnEditSetsIt(string signing, string secret)
    {
        var path = $"/own-{signing}";
        var (webhookId, generated) = await CreateWebhookAsync(receiver.Url(path), "post", signing);

        var patched = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{account}/webhooks/{webhookId}", new { secret }));
        var patchedRequest = await DeliverAsync(webhookId, path);
        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Post, $"{account}/webhooks/{webhookId}",
            new { uri = receiver.Url(path), hook = "Call:Hangup", signing, secret }));
        var replacedRequest = await DeliverAsync(webhookId, path);

        Assert.False(patched.AsObject().ContainsKey("secret"));
        foreach (var request in new[] { patchedRequest, replacedRequest })
        {
            Assert.True(Verify(signing, request, secret), $"{signing} verifies with the receiver's own secret");
            Assert.False(Verify(signing, request, generated), "the secret made on create no longer signs");
        }
    }

    private static bool Verify(string signing, ReceivedRequest request, string secret) => signing switch
    {
        "standard" => ReceiverSignatures.VerifyStandard(request, secret, DateTimeOffset.UtcNow),
        "frejun" => ReceiverSignatures.VerifyFrejun(request, secret),
        _ => ReceiverSignatures.VerifyHex(request, secret),
    };

    private async Task<(string Id, string Secret)> CreateWebhookAsync(string uri, string method, string signing)
    {
        var created = await ApiAssert.SuccessAsync(
            await client.SendDataAsync(HttpMethod.Put, $"{account}/webhooks", new { uri, hook = "Call:Hangup", http_verb = method, signing }),
            HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        return (id, created["secret"]!.GetValue<string>());
    }

    /// <summary>Ingests one event for an environment subscribing only <paramref name="webhookId"/>; answers the request received.</summary>
    private async Task<ReceivedRequest> DeliverAsync(string webhookId, string path)
    {
        var environment = "env-" + Guid.NewGuid().ToString("N")[..8];
        await ApiAssert.SuccessAsync(
            await client.SendDataAsync(HttpMethod.Put, $"{account}/environments", new { name = environment, webhooks = new[] { webhookId } }),
            HttpStatusCode.Created);
        var ingested = await ApiAssert.SuccessAsync(
            await client.SendDataAsync(HttpMethod.Post, $"{account}/events", new { @event = "Call:Hangup", environment, payload = new { caller = Caller, duration = 60 } }),
            HttpStatusCode.Accepted);
        var deliveryId = Assert.Single(ingested["delivery_ids"]!.AsArray())!.GetValue<string>();
        var received = await receiver.WaitForAsync(r => r.Any(x => x.Path == path && x.Header("webhook-id") == deliveryId), Wait, $"the delivery to {path}");
        return received.Single(x => x.Path == path && x.Header("webhook-id") == deliveryId);
    }
}
