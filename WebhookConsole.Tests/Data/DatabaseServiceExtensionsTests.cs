using System.Runtime.Versioning;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Data;

[Collection(AppCollection.Name)]
public sealed class DatabaseServiceExtensionsTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task NewSqliteDatabase_IsReadableByItsOwnerOnly_LogFilesIncluded()
    {
        var directory = TempDirectory.Create("modes");
        var path = Path.Combine(directory, "new-folder", "modes.db");
        try
        {
            await using (var app = new AppFactory(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={path}" }))
            {
                await app.Data.AddWebhookAsync(await app.DefaultAccountIdAsync(), "https://crm.example.com/calls");

                Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
                Assert.Equal(OwnerOnly, File.GetUnixFileMode(path + "-wal"));
                Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
            }
        }
        finally
        {
            TempDirectory.TryDelete(directory);
        }
    }
}
