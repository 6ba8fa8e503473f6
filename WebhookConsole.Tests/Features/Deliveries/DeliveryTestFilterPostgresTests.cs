using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Deliveries;

[Collection(AppCollection.Name)]
public sealed class DeliveryTestFilterPostgresTests(PostgresCluster cluster) : DeliveryTestFilterTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => cluster.CreateDatabaseAsync();
}
