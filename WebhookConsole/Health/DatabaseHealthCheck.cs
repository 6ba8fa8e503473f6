using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WebhookConsole.Data;

namespace WebhookConsole.Health;

/// <summary>
/// Ready only while the database answers a query: a node that cannot reach it should get no traffic. A failure goes to
/// the <see cref="DatabaseOutageLog"/>, not into the result: the health check service would log the result's exception,
/// stack trace and all, at every probe.
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<AppDbContext> dbFactory, DatabaseOutageLog outage) : IHealthCheck
{
    private const string Where = "readiness check";

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
                var moved = SqliteFileCheck.Moved(sqlite.DataSource);
                outage.Failed(Where, moved);
                return HealthCheckResult.Unhealthy(moved.Message);
            }
            outage.Answered();
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outage.Failed(Where, ex);
            return HealthCheckResult.Unhealthy("the database does not answer");
        }
    }
}
