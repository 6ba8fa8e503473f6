using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Events;

[Collection(AppCollection.Name)]
public sealed class IngestValidationSqliteTests : IngestValidationTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.CreateSqlite());
}
