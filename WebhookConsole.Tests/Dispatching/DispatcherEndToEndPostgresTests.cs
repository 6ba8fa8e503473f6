using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching;

[Collection(AppCollection.Name)]
public sealed class DispatcherEndToEndPostgresTests(PostgresCluster cluster) : DispatcherEndToEndTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => cluster.CreateDatabaseAsync();
}
