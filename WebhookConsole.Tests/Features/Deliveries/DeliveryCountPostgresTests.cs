using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Deliveries;

[Collection(AppCollection.Name)]
public sealed class DeliveryCountPostgresTests(PostgresCluster cluster) : DeliveryCountTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => cluster.CreateDatabaseAsync();
}
