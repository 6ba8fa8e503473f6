using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Api;

/// <summary>The webhook and environment lists' keyset pages on PostgreSQL, whose uuid comparison decides ties.</summary>
[Collection(AppCollection.Name)]
public sealed class ListPagingPostgresTests(PostgresCluster cluster) : IAsyncLifetime
{
    private AppFactory app = null!;

    public async Task InitializeAsync() => app = new AppFactory(database: await cluster.CreateDatabaseAsync());

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("webhooks")]
    [InlineData("environments")]
    public Task List_WalksEveryItemOnceNewestFirst_WhenFollowingNextStartKey(string list) =>
        ListPagingTests.WalkEveryItemOnceNewestFirstAsync(app, list);
}
