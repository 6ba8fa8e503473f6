using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Data;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Tokens;

/// <summary>A token reaches its own account only: everything of another account is a 404.</summary>
[Collection(AppCollection.Name)]
public sealed class AccountIsolationTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task EveryRoute_Answers404_WhenObjectsBelongToAnotherAccount()
    {
        var (otherAccount, otherToken) = await fixture.App.Data.AddAccountWithTokenAsync("Other");
        using var other = fixture.App.CreateClient();
        other.DefaultRequestHeaders.Add("X-Auth-Token", otherToken);
        var mine = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "https://mine.example");
        var theirs = await fixture.App.Data.AddWebhookAsync(otherAccount, "https://theirs.example");
        var myEnvironment = await fixture.App.Data.AddEnvironmentAsync(fixture.AccountId, "mine-" + mine.Id, mine.Id);
        var myDelivery = await fixture.App.Data.AddFinishedDeliveryAsync(fixture.AccountId, mine.Id, DateTime.UtcNow);
        var before = await fixture.App.Data.SnapshotAsync();

        // The other token, naming its own account but my objects, and naming my account.
        var ownAccount = $"/api/v1/accounts/{otherAccount}";
        var myAccount = fixture.Account;
        var answers = new List<HttpResponseMessage>
        {
            await other.GetAsync($"{ownAccount}/webhooks/{mine.Id}"),
            await other.SendDataAsync(HttpMethod.Post, $"{ownAccount}/webhooks/{mine.Id}", new { uri = "https://x.example", hook = "*" }),
            await other.SendDataAsync(HttpMethod.Patch, $"{ownAccount}/webhooks/{mine.Id}", new { enabled = false }),
            await other.DeleteAsync($"{ownAccount}/webhooks/{mine.Id}"),
            await other.PostAsync($"{ownAccount}/webhooks/{mine.Id}/rotate_secret", null),
            await other.PostAsync($"{ownAccount}/webhooks/{mine.Id}/test", null),
            await other.GetAsync($"{ownAccount}/webhooks/{mine.Id}/attempts"),
            await other.GetAsync($"{ownAccount}/environments/{myEnvironment.Id}"),
            await other.SendDataAsync(HttpMethod.Patch, $"{ownAccount}/environments/{myEnvironment.Id}", new { name = "stolen" }),
            await other.DeleteAsync($"{ownAccount}/environments/{myEnvironment.Id}"),
            await other.PostAsync($"{ownAccount}/deliveries/{myDelivery.Id}/replay", null),
            await other.GetAsync($"{myAccount}/webhooks"),
            await other.SendDataAsync(HttpMethod.Put, $"{myAccount}/webhooks", new { uri = "https://x.example", hook = "*" }),
            await other.GetAsync($"{myAccount}/environments"),
            await other.GetAsync($"{myAccount}/deliveries"),
            await other.PostAsync($"{myAccount}/deliveries/replay", null),
            await other.GetAsync($"{myAccount}/webhooks/attempts"),
            await fixture.Client.GetAsync($"{myAccount}/webhooks/{theirs.Id}"),
            await fixture.Client.DeleteAsync($"{myAccount}/webhooks/{theirs.Id}"),
        };

        Assert.All(answers, r => Assert.True(r.StatusCode == HttpStatusCode.NotFound, $"{r.RequestMessage!.Method} {r.RequestMessage.RequestUri}: {(int)r.StatusCode}"));
        Assert.Equal(before, await fixture.App.Data.SnapshotAsync());
        var theirList = await ApiAssert.SuccessAsync(await other.GetAsync($"{ownAccount}/webhooks"));
        Assert.Equal([theirs.Id.ToString()], theirList.AsArray().Select(w => w!["id"]!.GetValue<string>()).ToArray());
    }

    [Fact]
    public async Task BodiesAndFilters_ReachNothing_WhenTheyNameAnotherAccountsObjects()
    {
        var (otherAccount, _) = await fixture.App.Data.AddAccountWithTokenAsync("Neighbour");
        var theirs = await fixture.App.Data.AddWebhookAsync(otherAccount, "https://theirs.example");
        var theirEnvironment = await fixture.App.Data.AddEnvironmentAsync(otherAccount, "theirs-" + theirs.Id, theirs.Id);
        await fixture.App.Data.AddFinishedDeliveryAsync(otherAccount, theirs.Id, DateTime.UtcNow);
        var mine = await fixture.App.Data.AddEnvironmentAsync(fixture.AccountId, "mine-" + theirs.Id);
        var before = await fixture.App.Data.SnapshotAsync();
        var account = fixture.Account;

        var created = await fixture.Client.SendDataAsync(HttpMethod.Put, $"{account}/environments", new { name = "grab-" + theirs.Id, webhooks = new[] { theirs.Id } });
        var patched = await fixture.Client.SendDataAsync(HttpMethod.Patch, $"{account}/environments/{mine.Id}", new { webhooks = new[] { theirs.Id } });
        var unknown = await fixture.Client.SendDataAsync(HttpMethod.Patch, $"{account}/environments/{mine.Id}", new { webhooks = new[] { Guid.NewGuid() } });
        var ingested = await fixture.App.PostEventAsync(fixture.Client, fixture.AccountId,
            new { @event = "Call:Hangup", environment = theirEnvironment.Name, payload = new { uuid = "1" } });
        var replayed = await ApiAssert.SuccessAsync(await fixture.Client.PostAsync($"{account}/deliveries/replay?status=failed&webhook_id={theirs.Id}", null));
        var listed = await ApiAssert.SuccessAsync(await fixture.Client.GetAsync($"{account}/deliveries?webhook_id={theirs.Id}"));

        // Another account's webhook reads exactly like one that does not exist: nothing says it is there.
        var createdError = await ApiAssert.FieldErrorAsync(created, HttpStatusCode.BadRequest, "webhooks");
        var patchedError = await ApiAssert.FieldErrorAsync(patched, HttpStatusCode.BadRequest, "webhooks");
        var unknownError = await ApiAssert.FieldErrorAsync(unknown, HttpStatusCode.BadRequest, "webhooks");
        Assert.Equal(Rules(unknownError), Rules(patchedError));
        Assert.Equal(Rules(unknownError), Rules(createdError));
        await ApiAssert.FieldErrorAsync(ingested, HttpStatusCode.BadRequest, "environment");
        Assert.Equal(0, replayed["replayed"]!.GetValue<int>());
        Assert.Empty(listed.AsArray());
        Assert.Equal(before, await fixture.App.Data.SnapshotAsync());

        static string Rules(JsonObject error) => string.Join(",", error["data"]!["webhooks"]!.AsObject().Select(r => r.Key));
    }

    [Fact]
    public async Task CreateToken_StoresOnlyHash_WhenTokenIsMade()
    {
        var (accountId, token) = await fixture.App.Data.AddAccountWithTokenAsync("Hashed");
        using var other = fixture.App.CreateClient();
        other.DefaultRequestHeaders.Add("X-Auth-Token", token);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.AccountId == accountId);
        var bootstrap = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.AccountId == fixture.AccountId);
        var whoami = await ApiAssert.SuccessAsync(await other.GetAsync("/api/v1/whoami"));

        Assert.NotEqual(token, stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash);
        Assert.Equal(64, stored.TokenHash.Length);
        Assert.NotEqual(AppFactory.Token, bootstrap.TokenHash);
        Assert.Equal(accountId.ToString(), whoami["account_id"]!.GetValue<string>());
        Assert.Equal("Hashed token", whoami["token_name"]!.GetValue<string>());
    }
}
