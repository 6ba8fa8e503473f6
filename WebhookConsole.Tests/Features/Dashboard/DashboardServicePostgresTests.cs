using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Dashboard;

[Collection(AppCollection.Name)]
public sealed class DashboardServicePostgresTests(PostgresCluster cluster) : DashboardServiceTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => cluster.CreateDatabaseAsync();
}
