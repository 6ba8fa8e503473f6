using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Audit;

[Collection(AppCollection.Name)]
public sealed class AuditSearchDepthPostgresTests(PostgresCluster cluster) : AuditSearchDepthTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => cluster.CreateDatabaseAsync();
}
