using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Features.Identity;
using WebhookConsole.Features.Tokens;
using WebhookConsole.Hosting;

namespace WebhookConsole.Data;

/// <summary>Brings the database to the current schema and seeds what every install needs, before anything else starts.</summary>
internal sealed class DatabaseInitializer(
    IServiceProvider services,
    IOptions<DatabaseOptions> database,
    IConfiguration configuration,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    /// <summary>The PostgreSQL advisory lock that lets one node at a time migrate and seed.</summary>
    private const long StartupLockKey = 0x5765_6268_6F6F_6B31; // "Webhook1"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await InitializeAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or StartupException))
        {
            // The causes' messages name the server, file or keyword at fault; the connection string, which may hold a
            // password, is not repeated.
            throw new StartupException(
                $"The database cannot be used (Database:Provider {database.Value.Provider}, ConnectionStrings:Default): {StartupFailure.Messages(ex)}", ex);
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (database.Value.Provider == DatabaseProvider.Postgres)
        {
            await InitializePostgresAsync(cancellationToken);
            return;
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // WAL is a property of the database file: set once, kept by every later connection.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        await SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Several nodes may start at once against one server: a session-level advisory lock, held on a connection of
    /// its own, lets the first migrate and seed while the others wait, then find the work done.
    /// </summary>
    private async Task InitializePostgresAsync(CancellationToken cancellationToken)
    {
        var connectionString = DatabaseServiceExtensions.ConnectionString(configuration);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", cancellationToken);
        try
        {
            await using (var migrations = await services.GetRequiredService<IDbContextFactory<PostgresMigrationsContext>>().CreateDbContextAsync(cancellationToken))
            {
                await migrations.Database.MigrateAsync(cancellationToken);
            }
            // Hangfire's own schema, under the same lock: its installer does not guard against a second node.
            PostgreSqlObjectsInstaller.Install(connection);
            await SeedAsync(cancellationToken);
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", StartupLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<AccountService>().EnsureDefaultAsync(cancellationToken);
        var added = await scope.ServiceProvider.GetRequiredService<EventTypeCatalog>().SeedAsync(cancellationToken);
        if (added > 0)
        {
            logger.LogInformation("Seeded {Count} event types", added);
        }

        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ApiTokenService>().EnsureBootstrapTokenAsync(account.Id, cancellationToken);
    }
}
