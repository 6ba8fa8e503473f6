using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Deliveries;

[Collection(AppCollection.Name)]
public sealed class DeliveryTestFilterSqliteTests : DeliveryTestFilterTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.CreateSqlite());
}
