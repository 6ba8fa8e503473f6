namespace WebhookConsole.Tests.Support;

/// <summary>
/// Tests that host the app run one at a time: Hangfire keeps a static current storage, and the machine
/// has two cores. They share one PostgreSQL cluster, started only if a test asks it for a database.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "App";
}
