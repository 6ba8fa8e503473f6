namespace WebhookConsole.Tests.Support;

/// <summary>
/// Tests that host the app run one at a time: Hangfire keeps a static current storage, and the machine
/// has two cores. They share one PostgreSQL cluster and one Chromium, each started only when a test asks.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppCollection : ICollectionFixture<PostgresCluster>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "App";
}
