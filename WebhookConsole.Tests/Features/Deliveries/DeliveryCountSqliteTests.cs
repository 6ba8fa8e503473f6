using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Deliveries;

[Collection(AppCollection.Name)]
public sealed class DeliveryCountSqliteTests : DeliveryCountTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.CreateSqlite());
}
