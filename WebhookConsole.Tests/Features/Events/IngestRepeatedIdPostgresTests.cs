using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Events;

[Collection(AppCollection.Name)]
public sealed class IngestRepeatedIdPostgresTests(PostgresCluster cluster) : IngestRepeatedIdTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => cluster.CreateDatabaseAsync();
}
