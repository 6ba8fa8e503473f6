using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Audit;

[Collection(AppCollection.Name)]
public sealed class AuditSearchDepthSqliteTests : AuditSearchDepthTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.CreateSqlite());
}
