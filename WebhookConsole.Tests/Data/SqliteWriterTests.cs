using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebhookConsole.Data;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Events;
using WebhookConsole.Features.Webhooks;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Data;

/// <summary>The SQLite writer against a real database file of the app: rows it writes are the rows EF Core writes.</summary>
[Collection(AppCollection.Name)]
public sealed class SqliteWriterTests : IAsyncLifetime
{
    private AppFactory app = null!;
    private SqliteWriter writer = null!;
    private Guid accountId;

    public async Task InitializeAsync()
    {
        app = new AppFactory();
        writer = app.Services.GetRequiredService<SqliteWriter>();
        accountId = await app.DefaultAccountIdAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task WriteAsync_StoresRowsThatEfCoreReadsAndFiltersAlike_WhenColumnsAreOfEveryKind()
    {
        Assert.True(writer.IsUsed);
        var callEvent = NewEvent("evt-kinds");
        var at = new DateTime(2026, 11, 23, 14, 35, 7, DateTimeKind.Utc).AddTicks(1234567);
        var delivery = NewDelivery(callEvent, at);
        delivery.Status = DeliveryStatus.Retrying;
        delivery.AttemptCount = 2;
        delivery.LastStatusCode = 503;
        delivery.LastError = "receiver answered 503 — «busy»";
        delivery.LastDurationMs = 42;
        delivery.LeaseOwner = "node-a";
        delivery.LeaseUntil = at.AddMinutes(5);
        delivery.ReplayOfId = Guid.CreateVersion7();
        delivery.IsTest = true;
        var attempt = new DeliveryAttempt
        {
            Id = Guid.CreateVersion7(), DeliveryId = delivery.Id, WebhookId = delivery.WebhookId, AccountId = accountId, Number = 2,
            RequestMethod = "POST", RequestUrl = "https://example.com/h?x=1", RequestHeadersJson = """{"a":"b"}""", RequestBody = """{"ü":"😀"}""",
            StatusCode = 503, ResponseHeadersJson = null, ResponseBody = "busy", Error = null, DurationMs = 42, SentBy = "node-a", CreatedAt = at,
        };

        await writer.WriteAsync(rows =>
        {
            rows.Insert(callEvent);
            rows.Insert(delivery);
            rows.Insert(attempt);
            return true;
        });

        await using var db = app.Database.CreateContext();
        var readEvent = await db.Events.AsNoTracking().SingleAsync(e => e.Id == callEvent.Id);
        Assert.Equivalent(callEvent, readEvent, strict: true);
        var readDelivery = await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == delivery.Id);
        Assert.Equivalent(delivery, readDelivery, strict: true);
        Assert.Equal(DateTimeKind.Utc, readDelivery.NextAttemptAt!.Value.Kind);
        var readAttempt = await db.Attempts.AsNoTracking().SingleAsync(a => a.Id == attempt.Id);
        Assert.Equivalent(attempt, readAttempt, strict: true);
        // The queries the dispatcher and the history page run compare these columns in SQL.
        Assert.Equal(delivery.Id, await db.Deliveries.Where(d => d.Status == DeliveryStatus.Retrying && d.NextAttemptAt <= at && d.LeaseUntil > at)
            .Select(d => d.Id).SingleAsync());
        Assert.Empty(await db.Deliveries.Where(d => d.Id == delivery.Id && d.NextAttemptAt < at).ToListAsync());
        Assert.Equal(delivery.Id, await db.Deliveries.Where(d => d.CallEventId == callEvent.Id && d.AccountId == accountId).Select(d => d.Id).SingleAsync());
    }

    [Fact]
    public async Task Find_ReadsTheRowAsEfCoreReadsIt_InsideTheWritersTransaction()
    {
        var at = new DateTime(2026, 11, 23, 14, 35, 7, DateTimeKind.Utc).AddTicks(1234567);
        var webhook = await app.Data.AddWebhookAsync(accountId, "https://example.com/h?x=1", w =>
        {
            w.Name = "«Relay» 😀";
            w.Signing = SigningScheme.Hex;
            w.BodyTemplate = null;
            w.CustomDataJson = """{"a":1}""";
            w.PreviousSecretProtected = "old";
            w.PreviousSecretExpiresAt = at;
            w.ConsecutiveFailures = 4;
            w.CreatedAt = at;
            w.UpdatedAt = at.AddSeconds(1);
        });

        var (found, missing) = await writer.WriteAsync<(WebhookEndpoint?, WebhookEndpoint?)>(rows =>
        {
            rows.Execute("""UPDATE "Webhooks" SET "Enabled" = 0 WHERE "Id" = @p0""",
                model => [model.FindEntityType(typeof(WebhookEndpoint))!.FindProperty(nameof(WebhookEndpoint.Id))!], webhook.Id);
            return (rows.Find<WebhookEndpoint>(webhook.Id), rows.Find<WebhookEndpoint>(Guid.NewGuid()));
        });

        Assert.Null(missing);
        await using var db = app.Database.CreateContext();
        var stored = await db.Webhooks.AsNoTracking().SingleAsync(w => w.Id == webhook.Id);
        Assert.False(stored.Enabled);
        Assert.Equivalent(stored, found, strict: true);
        Assert.Equal(DateTimeKind.Utc, found!.PreviousSecretExpiresAt!.Value.Kind);
    }

    [Fact]
    public async Task WriteAsync_FailsOnlyTheBadWrite_WhenWritesSubmittedTogetherIncludeADuplicate()
    {
        var events = Enumerable.Range(0, 50).Select(i => NewEvent($"evt-{i}")).ToList();
        var duplicate = NewEvent("evt-7");

        var writes = events.Select(e => writer.WriteAsync(rows => { rows.Insert(e); return e.Id; })).ToList();
        var bad = writer.WriteAsync(rows => { rows.Insert(duplicate); return duplicate.Id; });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => bad);
        Assert.Contains("UNIQUE", error.InnerException!.Message);
        Assert.Equal(events.Select(e => e.Id), await Task.WhenAll(writes));
        await using var db = app.Database.CreateContext();
        Assert.Equal(50, await db.Events.CountAsync());
        Assert.False(await db.Events.AnyAsync(e => e.Id == duplicate.Id));
    }

    [Fact]
    public async Task WriteAsync_ReportsEachTransactionAndEachWritesWait_ThroughTheWritersMeter()
    {
        var measured = new ConcurrentQueue<(string Instrument, double Value)>();
        using var listener = ListenToWriterMeter(measured);
        var events = Enumerable.Range(0, 20).Select(i => NewEvent($"evt-metered-{i}")).ToList();

        var writes = events.Select(e => writer.WriteAsync(rows => { rows.Insert(e); return true; })).ToList();
        var duplicate = writer.WriteAsync(rows => { rows.Insert(events[3]); return true; });
        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<DbUpdateException>(() => duplicate);

        List<double> Of(string instrument) => [.. measured.Where(m => m.Instrument == instrument).Select(m => m.Value)];
        // Each write is answered once, committed or failed, and its wait from submission recorded then.
        var waits = Of(SqliteWriterMetrics.WriteWait);
        Assert.Equal(21, waits.Count);
        Assert.All(waits, wait => Assert.InRange(wait, 0, 30));
        // Every transaction counts once with its length, the failed one and those retrying its writes one by one too.
        var transactions = Of(SqliteWriterMetrics.Transactions);
        var durations = Of(SqliteWriterMetrics.TransactionDuration);
        Assert.Equal(transactions.Count, durations.Count);
        Assert.All(transactions, count => Assert.Equal(1, count));
        Assert.All(durations, duration => Assert.InRange(duration, 0, 30));
        var carried = Of(SqliteWriterMetrics.Writes);
        Assert.Equal(transactions.Count, carried.Count);
        Assert.InRange(carried.Sum(), 21, 21 + 21);
    }

    /// <summary>Collects what this app's writer meter reports: other test classes run apps of their own meanwhile.</summary>
    private MeterListener ListenToWriterMeter(ConcurrentQueue<(string Instrument, double Value)> measured)
    {
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SqliteWriterMetrics.MeterName && instrument.Meter.Scope == meters)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured.Enqueue((instrument.Name, value)));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => measured.Enqueue((instrument.Name, value)));
        listener.Start();
        return listener;
    }

    [Fact]
    public async Task Checkpointer_MovesTheLogIntoTheDatabaseFile_WhileWritesGoOn()
    {
        var file = new FileInfo(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.Database.ConnectionString).DataSource);
        var before = file.Length;

        // About 2 MiB of events: far below the log size at which a committing writer would checkpoint itself.
        var payload = new string('x', 20_000);
        for (var i = 0; i < 100; i++)
        {
            var callEvent = NewEvent($"evt-big-{i}");
            callEvent.DataJson = $$"""{"blob":"{{payload}}"}""";
            await writer.WriteAsync(rows => { rows.Insert(callEvent); return true; });
        }

        await Poll.UntilAsync(() => Refreshed(file).Length >= before + 2_000_000, TimeSpan.FromSeconds(10),
            () => $"the database file to grow by 2 MB (it stayed at {file.Length} bytes, from {before})");
    }

    [Fact]
    public async Task Checkpointer_StartsALongLogOver_WhileWritesFollowEachOtherWithoutAPause()
    {
        var log = new FileInfo(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.Database.ConnectionString).DataSource + "-wal");
        var checkpointer = app.Services.GetServices<IHostedService>().OfType<SqliteCheckpointer>().Single();
        var measured = new ConcurrentQueue<(string Instrument, double Value)>();
        using var listener = ListenToWriterMeter(measured);
        // Events of ~20 KB written back to back, so a checkpoint always runs while later ones are committed and cannot
        // copy the whole log by itself. The writer would start the log over itself at 65,536 pages (wal_autocheckpoint);
        // the writes stop far short of that.
        var payload = new string('x', 20_000);
        Task WriteAsync(int i)
        {
            var callEvent = NewEvent($"evt-long-log-{i}");
            callEvent.DataJson = $$"""{"blob":"{{payload}}"}""";
            return writer.WriteAsync(rows => { rows.Insert(callEvent); return true; });
        }
        // A write first, so the log has a header to count from.
        await WriteAsync(0);
        var startsBefore = LogStarts(log);
        Assert.True(startsBefore >= 0, "the log has no header after a write");
        bool CaughtUp() => measured.Any(m => m.Instrument == SqliteWriterMetrics.CatchUpDuration);
        // Until the log has started over and a catch-up held the writers: a pass that happens to copy the whole log
        // while the writes pause (a collection, a busy machine) starts it over without one, and the writes go on.
        var until = DateTime.UtcNow.AddSeconds(30);
        var writes = Task.Run(async () =>
        {
            for (var i = 1; (LogStarts(log) == startsBefore || !CaughtUp()) && LogPages(log) < 15_000 && DateTime.UtcNow < until; i++)
            {
                await WriteAsync(i);
            }
        });
        await Poll.UntilAsync(() => LogPages(log) >= SqliteCheckpointer.CatchUpPages || writes.IsCompleted, TimeSpan.FromSeconds(30),
            () => $"the log to reach {SqliteCheckpointer.CatchUpPages} pages (it has {LogPages(log)})");

        // A tick of the checkpointer's, as the writes go on (its own ticks run too).
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(app.Database.ConnectionString))
        {
            checkpointer.Checkpoint(connection);
        }
        await writes;

        Assert.True(LogStarts(log) > startsBefore, $"the log was not started over before it reached {LogPages(log)} pages");
        // The catch-up that finished the log held the writers back, and said for how long.
        var held = measured.Where(m => m.Instrument == SqliteWriterMetrics.CatchUpDuration).Select(m => m.Value).ToList();
        Assert.NotEmpty(held);
        Assert.All(held, seconds => Assert.InRange(seconds, 0, 30));
    }

    [Fact]
    public async Task AppConnections_LeaveTheLogToTheCheckpointer_UntilItIsManyCatchUpsLong()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        async Task<string> PragmaAsync(string name)
        {
            using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
        }

        Assert.Equal("wal", await PragmaAsync("journal_mode"));
        // A committing writer checkpoints the log itself (syncing all of it while every write waits) only past this:
        // over a second of the heaviest load measured, so only a checkpointer that has fallen behind leaves it that work.
        Assert.Equal(16 * SqliteCheckpointer.CatchUpPages, long.Parse(await PragmaAsync("wal_autocheckpoint"), CultureInfo.InvariantCulture));
        Assert.Equal(64L * 1024 * 1024, long.Parse(await PragmaAsync("journal_size_limit"), CultureInfo.InvariantCulture));
    }

    /// <summary>How many times the log has started over: the checkpoint sequence number in its header.</summary>
    private static long LogStarts(FileInfo log)
    {
        if (!Refreshed(log).Exists)
        {
            return -1;
        }
        using var stream = new FileStream(log.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[16];
        return stream.Read(header) == 16 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[12..]) : -1;
    }

    /// <summary>The log file's length in frames of a 4,096-byte page with its 24-byte frame header.</summary>
    private static long LogPages(FileInfo log) => Refreshed(log).Length / (4096 + 24);

    private static FileInfo Refreshed(FileInfo file)
    {
        file.Refresh();
        return file;
    }

    private CallEvent NewEvent(string eventId)
    {
        var now = DateTime.UtcNow;
        return new CallEvent
        {
            Id = Guid.CreateVersion7(), AccountId = accountId, EventId = eventId, EventType = "Call:Hangup", EnvironmentId = Guid.CreateVersion7(),
            EnvironmentName = "ITD2024", OccurredAt = now.AddSeconds(-1), ReceivedAt = now, DataJson = """{"uuid":"c-1"}""",
        };
    }

    private Delivery NewDelivery(CallEvent callEvent, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(), AccountId = accountId, CallEventId = callEvent.Id, WebhookId = Guid.CreateVersion7(), EventType = callEvent.EventType,
        EnvironmentId = callEvent.EnvironmentId, Status = DeliveryStatus.Pending, NextAttemptAt = at, CreatedAt = at, UpdatedAt = at,
    };
}
