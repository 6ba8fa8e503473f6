using System.Diagnostics;
using Microsoft.Data.Sqlite;
using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Bench.Scenarios;

/// <summary>
/// Fills the history with finished deliveries fast: raw SQL, prepared inserts, one transaction. Rows are
/// written in the formats EF Core uses for SQLite (Guid as upper-case text, DateTime as text), so the app
/// reads them like its own. Only finished rows, so the dispatcher leaves them alone.
/// </summary>
internal sealed class HistorySeeder(string connectionString, BenchFixture fixture, TextWriter log)
{
    /// <summary>Deliveries per event: the fan-out environment's ten webhooks.</summary>
    private const int PerEvent = BenchFixture.FanOut;

    /// <summary>One in this many ends failed, so the status filter selects a minority, as in real history.</summary>
    private const int FailedEvery = 20;

    public async Task SeedAsync(int deliveries)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();

        await using var insertEvent = Prepare(connection, transaction,
            "INSERT INTO Events (Id, AccountId, EventId, EventType, EnvironmentId, EnvironmentName, OccurredAt, ReceivedAt, DataJson) " +
            "VALUES ($id, $account, $eventId, 'Call:Hangup', $environment, 'bench-10', $at, $at, '{\"uuid\":\"seeded\"}')",
            "$id", "$account", "$eventId", "$environment", "$at");
        await using var insertDelivery = Prepare(connection, transaction,
            "INSERT INTO Deliveries (Id, AccountId, CallEventId, WebhookId, EventType, EnvironmentId, Status, AttemptCount, " +
            "LastStatusCode, LastError, LastDurationMs, NextAttemptAt, LeaseOwner, LeaseUntil, ReplayOfId, IsTest, CreatedAt, UpdatedAt, CompletedAt) " +
            "VALUES ($id, $account, $event, $webhook, 'Call:Hangup', $environment, $status, 1, $code, $error, 3, NULL, NULL, NULL, NULL, 0, $at, $at, $at)",
            "$id", "$account", "$event", "$webhook", "$environment", "$status", "$code", "$error", "$at");

        var account = Text(fixture.AccountId);
        var environment = Text(fixture.FanOutEnvironmentId);
        var webhooks = fixture.FanOutWebhookIds.Select(Text).ToArray();
        // Spread over the last days, oldest first, like real history; clear of the retention window.
        var first = DateTimeOffset.UtcNow.AddDays(-7);
        var step = TimeSpan.FromDays(7) / deliveries;
        for (var i = 0; i < deliveries; i++)
        {
            var at = first + (step * i);
            if (i % PerEvent == 0)
            {
                Set(insertEvent, Text(Guid.CreateVersion7(at)), account, $"seeded-{i / PerEvent}", environment, Time(at));
                await insertEvent.ExecuteNonQueryAsync();
            }
            var failed = i % FailedEvery == FailedEvery - 1;
            Set(insertDelivery, Text(Guid.CreateVersion7(at)), account, insertEvent.Parameters["$id"].Value!, webhooks[i % PerEvent], environment,
                (int)(failed ? DeliveryStatus.Failed : DeliveryStatus.Succeeded), failed ? 500 : 200, failed ? "receiver answered 500" : DBNull.Value, Time(at));
            await insertDelivery.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();

        // Folds the seeded pages into the database file, the steady state of a database that has been running.
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await checkpoint.ExecuteNonQueryAsync();
        log.WriteLine($"history: seeded {deliveries} deliveries ({deliveries / PerEvent} events) in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
}
