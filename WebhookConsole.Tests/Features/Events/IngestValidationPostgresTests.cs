using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Events;

[Collection(AppCollection.Name)]
public sealed class IngestValidationPostgresTests(PostgresCluster cluster) : IngestValidationTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => cluster.CreateDatabaseAsync();
}
