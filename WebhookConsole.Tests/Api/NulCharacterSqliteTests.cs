using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Api;

[Collection(AppCollection.Name)]
public sealed class NulCharacterSqliteTests : NulCharacterTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.CreateSqlite());
}
