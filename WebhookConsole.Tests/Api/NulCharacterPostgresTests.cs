using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Api;

[Collection(AppCollection.Name)]
public sealed class NulCharacterPostgresTests(PostgresCluster cluster) : NulCharacterTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => cluster.CreateDatabaseAsync();
}
