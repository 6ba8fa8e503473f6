using Microsoft.EntityFrameworkCore;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Features.Identity;
using WebhookConsole.Features.Tokens;

namespace WebhookConsole.Data;

/// <summary>Brings the database to the current schema and seeds what every install needs, before anything else starts.</summary>
internal sealed class DatabaseInitializer(
    IServiceProvider services,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL is a property of the database file: set once, kept by every later connection.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);

        var account = await scope.ServiceProvider.GetRequiredService<AccountService>().EnsureDefaultAsync(cancellationToken);
        var added = await scope.ServiceProvider.GetRequiredService<EventTypeCatalog>().SeedAsync(cancellationToken);
        if (added > 0)
        {
            logger.LogInformation("Seeded {Count} event types", added);
        }

        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ApiTokenService>().EnsureBootstrapTokenAsync(account.Id, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
