using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Dashboard;

[Collection(AppCollection.Name)]
public sealed class DashboardServiceSqliteTests : DashboardServiceTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.CreateSqlite());
}
