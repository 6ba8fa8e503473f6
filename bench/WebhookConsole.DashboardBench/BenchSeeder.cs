using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Environments;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.DashboardBench;

/// <summary>
/// A week of traffic for one account: 20 webhooks (two of them mostly failing), 3 environments, each event sent to
/// 4 webhooks, finished deliveries with their attempts and a few still queued. Rows go in with raw prepared
/// statements in one transaction, written in the formats EF Core uses on SQLite (upper-case GUID text, ISO dates).
/// </summary>
internal sealed class BenchSeeder(string connectionString, DateTime now)
{
    private const int WebhookCount = 20;
    private const int FanOut = 4;
    private static readonly TimeSpan Span = TimeSpan.FromDays(7);

    private readonly Random random = new(42);

    /// <summary>The seeded account, with its webhooks and environments for filtering.</summary>
    public Guid[] Webhooks { get; } = Enumerable.Range(0, WebhookCount).Select(_ => Guid.CreateVersion7()).ToArray();

    public Guid[] Environments { get; } = Enumerable.Range(0, 3).Select(_ => Guid.CreateVersion7()).ToArray();

    public async Task<Guid> SeedAsync(int deliveries)
    {
        var accountId = Guid.CreateVersion7();
        var environments = Environments;
        var webhooks = Webhooks;
        await AddConfigurationAsync(accountId, environments, webhooks);

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            // A bulk load: no WAL while loading (a one-transaction WAL would grow to gigabytes), WAL again afterwards.
            pragma.CommandText = "PRAGMA journal_mode=MEMORY; PRAGMA cache_size=-262144; PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var indexes = await DropIndexesAsync(connection, transaction);
        using var insertEvent = Prepare(connection, transaction,
            "INSERT INTO Events (Id, AccountId, EventId, EventType, EnvironmentId, EnvironmentName, OccurredAt, ReceivedAt, DataJson) VALUES ($0, $1, $2, $3, $4, $5, $6, $6, $7)", 8);
        using var insertDelivery = Prepare(connection, transaction,
            "INSERT INTO Deliveries (Id, AccountId, CallEventId, WebhookId, EventType, EnvironmentId, Status, AttemptCount, LastStatusCode, LastError, LastDurationMs, NextAttemptAt, IsTest, CreatedAt, UpdatedAt, CompletedAt) VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, $12, $13, $14)", 15);
        using var insertAttempt = Prepare(connection, transaction,
            "INSERT INTO Attempts (Id, DeliveryId, WebhookId, AccountId, Number, RequestMethod, RequestUrl, RequestHeadersJson, RequestBody, StatusCode, Error, DurationMs, CreatedAt) VALUES ($0, $1, $2, $3, $4, 'POST', $5, '{}', '{\"event\":\"Call:Hangup\"}', $6, $7, $8, $9)", 10);

        var account = Text(accountId);
        var events = deliveries / FanOut;
        for (var e = 0; e < events; e++)
        {
            var eventId = Guid.CreateVersion7();
            var environment = environments[e % environments.Length];
            // Oldest first, as a live system writes them.
            var at = now - Span + Span * ((e + random.NextDouble()) / events);
            Run(insertEvent, Text(eventId), account, "evt-" + e.ToString(CultureInfo.InvariantCulture), "Call:Hangup", Text(environment), "ENV" + (e % 3), Text(at), "{\"uuid\":\"42\"}");
            for (var k = 0; k < FanOut; k++)
            {
                var webhookIndex = (e * FanOut + k) % WebhookCount;
                AddDelivery(insertDelivery, insertAttempt, account, eventId, webhooks[webhookIndex], webhookIndex, environment, at);
            }
        }
        // Building each index once over sorted keys is many times faster than maintaining it row by row.
        foreach (var sql in indexes)
        {
            Execute(connection, transaction, sql);
        }
        await transaction.CommitAsync();
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "PRAGMA journal_mode=WAL; PRAGMA optimize;";
            await analyze.ExecuteNonQueryAsync();
        }
        return accountId;
    }

    private void AddDelivery(SqliteCommand insertDelivery, SqliteCommand insertAttempt, string account, Guid eventId, Guid webhookId, int webhookIndex, Guid environment, DateTime createdAt)
    {
        var deliveryId = Guid.CreateVersion7();
        var failRate = webhookIndex < 2 ? 0.6 : 0.03;
        var roll = random.NextDouble();
        var status = roll < 0.003 ? DeliveryStatus.Pending
            : roll < 0.008 ? DeliveryStatus.Retrying
            : roll < 0.008 + failRate ? DeliveryStatus.Failed
            : DeliveryStatus.Succeeded;
        var attempts = status switch
        {
            DeliveryStatus.Pending => 0,
            DeliveryStatus.Retrying => 1 + random.Next(2),
            DeliveryStatus.Failed => 4,
            _ => random.NextDouble() < 0.1 ? 2 : 1,
        };
        var baseMs = 40 + webhookIndex * 15;
        var at = createdAt;
        int? lastCode = null;
        var lastMs = 0;
        var rows = new List<object?[]>(attempts);
        for (var n = 1; n <= attempts; n++)
        {
            var ok = status == DeliveryStatus.Succeeded && n == attempts;
            lastCode = ok ? 200 : 503;
            lastMs = (int)(baseMs * (0.5 + random.NextDouble() * random.NextDouble() * 6));
            rows.Add([Text(Guid.CreateVersion7()), Text(deliveryId), Text(webhookId), account, n, "https://hooks.example.com/" + webhookIndex,
                lastCode, ok ? null : "HTTP 503", lastMs, Text(at)]);
            at = at.AddSeconds(5 * n);
        }
        var open = status is DeliveryStatus.Pending or DeliveryStatus.Retrying;
        Run(insertDelivery, Text(deliveryId), account, Text(eventId), Text(webhookId), "Call:Hangup", Text(environment), (int)status, attempts,
            lastCode, status == DeliveryStatus.Failed ? "HTTP 503" : null, attempts == 0 ? null : lastMs,
            open ? Text(now.AddSeconds(random.Next(-60, 600))) : null, Text(createdAt), Text(at), open ? null : Text(at));
        foreach (var row in rows)
        {
            Run(insertAttempt, row);
        }
    }

    private async Task AddConfigurationAsync(Guid accountId, Guid[] environments, Guid[] webhooks)
    {
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options);
        db.Accounts.Add(new Account { Id = accountId, Name = "Bench", CreatedAt = now - Span });
        for (var i = 0; i < webhooks.Length; i++)
        {
            db.Webhooks.Add(new WebhookEndpoint
            {
                Id = webhooks[i], AccountId = accountId, Name = $"hook {i:00}", Url = $"https://hooks.example.com/{i}",
                Enabled = i != 0, DisabledReason = i == 0 ? "5 deliveries in a row failed; last: HTTP 503" : null,
                ConsecutiveFailures = i < 2 ? 5 : 0, CreatedAt = now - Span, UpdatedAt = now - Span,
            });
        }
        for (var i = 0; i < environments.Length; i++)
        {
            var environment = new WebhookEnvironment { Id = environments[i], AccountId = accountId, Name = "ENV" + i, CreatedAt = now - Span, UpdatedAt = now - Span };
            environment.Subscriptions.AddRange(webhooks.Select(w => new EnvironmentSubscription { EnvironmentId = environments[i], WebhookId = w }));
            db.Environments.Add(environment);
        }
        await db.SaveChangesAsync();
    }

    private static async Task<List<string>> DropIndexesAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('Events', 'Deliveries', 'Attempts')";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (name, _) in indexes)
        {
            Execute(connection, transaction, $"DROP INDEX \"{name}\"");
        }
        return [.. indexes.Select(i => i.Sql)];
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i, null));
        }
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static string Text(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
