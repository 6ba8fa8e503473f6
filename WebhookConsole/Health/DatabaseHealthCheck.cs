using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WebhookConsole.Data;

namespace WebhookConsole.Health;

/// <summary>Ready only while the database answers a query: a node that cannot reach it should get no traffic.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<AppDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Accounts.AsNoTracking().AnyAsync(cancellationToken);
            // SQLite goes on answering from a file deleted under its open connections, so the query alone says
            // nothing: the app refuses to write to it (SqliteFileCheck), and the node is not ready.
            if (db.Database.GetDbConnection() is SqliteConnection sqlite && SqliteFileCheck.HasMoved(sqlite))
            {
                return HealthCheckResult.Unhealthy(SqliteFileCheck.Moved(sqlite.DataSource).Message);
            }
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the database does not answer", ex);
        }
    }
}
