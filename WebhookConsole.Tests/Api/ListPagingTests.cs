using System.Net;
using System.Text.Json.Nodes;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Api;

/// <summary>
/// The webhook and environment lists page as the delivery history does: newest first by (created, id),
/// <c>page_size</c> 1 to 500 (default 50), and a <c>next_start_key</c> passed back as <c>start_key</c>.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ListPagingTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private static readonly DateTime T0 = new(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>A fresh account, so the list holds exactly what the test arranged.</summary>
    private static async Task<(Guid AccountId, HttpClient Client)> NewAccountAsync(AppFactory app)
    {
        var (accountId, token) = await app.Data.AddAccountWithTokenAsync("paging-" + Guid.NewGuid().ToString("N")[..8]);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        return (accountId, client);
    }

    /// <summary>One webhook or environment created at <paramref name="createdAt"/>; answers its id.</summary>
    private static async Task<string> AddAsync(AppFactory app, string list, Guid accountId, DateTime createdAt)
    {
        if (list == "webhooks")
        {
            var webhook = await app.Data.AddWebhookAsync(accountId, "https://a.example/paging", w => w.CreatedAt = createdAt);
            return webhook.Id.ToString();
        }
        var environment = await app.Data.AddEnvironmentAsync(accountId, "env-" + Guid.NewGuid().ToString("N")[..8], createdAt);
        return environment.Id.ToString();
    }

    private static async Task<JsonObject> GetPageAsync(HttpClient client, Guid accountId, string list, string query)
    {
        var response = await client.GetAsync($"/api/v1/accounts/{accountId}/{list}?{query}");
        await ApiAssert.SuccessAsync(response);
        return await AppFactory.ReadJsonAsync(response);
    }

    private static List<string> Ids(JsonObject page) => page["data"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()).ToList();

    /// <summary>
    /// Five items, two created at the same moment, walked two at a time: every item once, newest first, the tie
    /// broken by id as the database orders it. Shared with the PostgreSQL run, whose uuid order is its own.
    /// </summary>
    internal static async Task WalkEveryItemOnceNewestFirstAsync(AppFactory app, string list)
    {
        var (accountId, client) = await NewAccountAsync(app);
        using var _ = client;
        var stored = new List<(DateTime CreatedAt, string Id)>();
        foreach (var minutes in new[] { 0, 3, 1, 2, 2 })
        {
            var createdAt = T0.AddMinutes(minutes);
            stored.Add((createdAt, await AddAsync(app, list, accountId, createdAt)));
        }
        var expected = stored.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => Guid.Parse(s.Id)).Select(s => s.Id).ToList();

        var first = await GetPageAsync(client, accountId, list, "page_size=2");
        var second = await GetPageAsync(client, accountId, list, $"page_size=2&start_key={first["next_start_key"]}");
        var third = await GetPageAsync(client, accountId, list, $"page_size=2&start_key={second["next_start_key"]}");

        Assert.Equal(expected, [.. Ids(first), .. Ids(second), .. Ids(third)]);
        Assert.Equal(2, first["page_size"]!.GetValue<int>());
        Assert.Equal("success", first["status"]!.GetValue<string>());
        Assert.True(second.ContainsKey("next_start_key"));
        Assert.Single(Ids(third));
        Assert.False(third.ContainsKey("next_start_key"));
    }

    [Theory]
    [InlineData("webhooks")]
    [InlineData("environments")]
    public Task List_WalksEveryItemOnceNewestFirst_WhenFollowingNextStartKey(string list) =>
        WalkEveryItemOnceNewestFirstAsync(fixture.App, list);

    [Theory]
    [InlineData("webhooks")]
    [InlineData("environments")]
    public async Task List_Answers50ThenTheRest_WhenPageSizeIsLeftOut(string list)
    {
        var (accountId, client) = await NewAccountAsync(fixture.App);
        using var _ = client;
        for (var i = 0; i < 51; i++)
        {
            await AddAsync(fixture.App, list, accountId, T0.AddSeconds(i));
        }

        var first = await GetPageAsync(client, accountId, list, "");
        var rest = await GetPageAsync(client, accountId, list, $"start_key={first["next_start_key"]}");
        var all = await GetPageAsync(client, accountId, list, "page_size=500");

        Assert.Equal(50, first["page_size"]!.GetValue<int>());
        Assert.Equal(50, Ids(first).Count);
        Assert.Single(Ids(rest));
        Assert.False(rest.ContainsKey("next_start_key"));
        Assert.Equal(51, Ids(all).Count);
        Assert.False(all.ContainsKey("next_start_key"));
        Assert.Equal(Ids(all), [.. Ids(first), .. Ids(rest)]);
    }

    [Theory]
    [InlineData("webhooks", "page_size=0", "page_size")]
    [InlineData("webhooks", "page_size=501", "page_size")]
    [InlineData("webhooks", "page_size=ten", "page_size")]
    [InlineData("webhooks", "page_size=5%00", "page_size")]
    [InlineData("webhooks", "page_size=2&page_size=3", "page_size")]
    [InlineData("webhooks", "start_key=garbage", "start_key")]
    [InlineData("webhooks", "page=2", "page")]
    [InlineData("environments", "page_size=0", "page_size")]
    [InlineData("environments", "page_size=501", "page_size")]
    [InlineData("environments", "page_size=ten", "page_size")]
    [InlineData("environments", "page_size=5%00", "page_size")]
    [InlineData("environments", "page_size=2&page_size=3", "page_size")]
    [InlineData("environments", "start_key=garbage", "start_key")]
    [InlineData("environments", "name=production", "name")]
    public async Task List_Answers400OnParameter_WhenPagingIsBad(string list, string query, string field)
    {
        var response = await fixture.Client.GetAsync($"{fixture.Account}/{list}?{query}");

        await ApiAssert.FieldErrorAsync(response, HttpStatusCode.BadRequest, field);
    }
}
