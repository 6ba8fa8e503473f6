using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Data;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Deliveries;

/// <summary>
/// The history's <c>test</c> filter on the list and on bulk replay, so "replay all failed" can leave test sends out; run
/// once per database provider by the derived classes.
/// </summary>
public abstract class DeliveryTestFilterTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc);
    private AppFactory app = null!;
    private HttpClient client = null!;
    private Guid accountId;
    private Delivery real = null!;
    private Delivery test = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        app = new AppFactory(database: await CreateDatabaseAsync());
        client = app.CreateApiClient();
        accountId = await app.DefaultAccountIdAsync();
        var webhook = await app.Data.AddWebhookAsync(accountId, "http://127.0.0.1:9/never", w => w.Retries = 0);
        real = await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, T0, DeliveryStatus.Failed);
        test = await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, T0.AddMinutes(1), DeliveryStatus.Failed, isTest: true);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData("test=true", true, false)]
    [InlineData("test=false", false, true)]
    [InlineData("", true, true)]
    [InlineData("test=", true, true)]
    public async Task List_ShowsOnlyWhatTheTestFilterAsks(string query, bool listsTest, bool listsReal)
    {
        var response = await client.GetAsync($"/api/v1/accounts/{accountId}/deliveries?{query}");

        var ids = (await ApiAssert.SuccessAsync(response)).AsArray().Select(d => d!["id"]!.GetValue<Guid>()).ToList();
        List<Guid> expected = [.. listsTest ? [test.Id] : Array.Empty<Guid>(), .. listsReal ? [real.Id] : Array.Empty<Guid>()];
        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData("test=false", false)]
    [InlineData("test=true", true)]
    public async Task BulkReplay_ReplaysOnlyWhatTheTestFilterAsks(string query, bool replaysTest)
    {
        var response = await client.PostAsync($"/api/v1/accounts/{accountId}/deliveries/replay?{query}", null);

        Assert.Equal(1, (await ApiAssert.SuccessAsync(response))["replayed"]!.GetValue<int>());
        await using var scope = app.Services.CreateAsyncScope();
        var replays = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Deliveries.AsNoTracking()
            .Where(d => d.ReplayOfId != null).ToListAsync();
        var replay = Assert.Single(replays);
        Assert.Equal(replaysTest ? test.Id : real.Id, replay.ReplayOfId);
        Assert.Equal(replaysTest, replay.IsTest);
    }

    [Theory]
    [InlineData("test=yes")]
    [InlineData("test=1")]
    [InlineData("test=TRUE")]
    [InlineData("test=%20true")]
    [InlineData("test=true%00")]
    [InlineData("test=true&test=false")]
    public async Task ListAndBulkReplay_Answer400OnTest_WhenTheValueIsNotTrueOrFalse(string query)
    {
        var before = await app.Data.SnapshotAsync();

        var list = await client.GetAsync($"/api/v1/accounts/{accountId}/deliveries?{query}");
        var replay = await client.PostAsync($"/api/v1/accounts/{accountId}/deliveries/replay?{query}", null);

        await ApiAssert.FieldErrorAsync(list, HttpStatusCode.BadRequest, "test");
        await ApiAssert.FieldErrorAsync(replay, HttpStatusCode.BadRequest, "test");
        Assert.Equal(before, await app.Data.SnapshotAsync());
    }
}
