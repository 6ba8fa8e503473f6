using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Events;

[Collection(AppCollection.Name)]
public sealed class IngestRepeatedIdSqliteTests : IngestRepeatedIdTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.CreateSqlite());
}
