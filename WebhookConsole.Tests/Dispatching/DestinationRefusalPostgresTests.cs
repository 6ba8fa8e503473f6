using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching;

[Collection(AppCollection.Name)]
public sealed class DestinationRefusalPostgresTests(PostgresCluster cluster) : DestinationRefusalTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => cluster.CreateDatabaseAsync();
}
