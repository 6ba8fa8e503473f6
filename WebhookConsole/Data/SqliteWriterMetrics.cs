using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WebhookConsole.Data;

/// <summary>
/// What the <see cref="SqliteWriter"/> reports through System.Diagnostics.Metrics, under the meter
/// <see cref="MeterName"/> (readable with <c>dotnet-counters monitor --counters WebhookConsole.SqliteWriter</c> or an
/// OpenTelemetry exporter): the transactions it ran, the writes they carried, how long one took to run and commit,
/// and how long a write waited from being submitted to being committed. The last is the time an event's request
/// spends on the database before its <c>202</c>: it grows with the transactions' length and with the writes queued
/// ahead, and on a busy node it is the first figure to watch. Beside them, how long each of the
/// <see cref="SqliteCheckpointer"/>'s catch-ups held the writers back: every write waits that long.
/// </summary>
internal sealed class SqliteWriterMetrics
{
    public const string MeterName = "WebhookConsole.SqliteWriter";
    public const string Transactions = "webhookconsole.sqlite_writer.transactions";
    public const string Writes = "webhookconsole.sqlite_writer.writes";
    public const string TransactionDuration = "webhookconsole.sqlite_writer.transaction.duration";
    public const string WriteWait = "webhookconsole.sqlite_writer.write.wait";
    public const string CatchUpDuration = "webhookconsole.sqlite_writer.catch_up.duration";

    private readonly Counter<long> transactions;
    private readonly Counter<long> writes;
    private readonly Histogram<double> transactionDuration;
    private readonly Histogram<double> writeWait;
    private readonly Histogram<double> catchUpDuration;

    public SqliteWriterMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        transactions = meter.CreateCounter<long>(Transactions, "{transaction}", "Transactions the SQLite writer ran, committed or not");
        writes = meter.CreateCounter<long>(Writes, "{write}", "Writes the SQLite writer's transactions carried");
        transactionDuration = meter.CreateHistogram<double>(TransactionDuration, "s", "Time from a transaction's start to its commit or rollback");
        writeWait = meter.CreateHistogram<double>(WriteWait, "s", "Time from a write's submission to the end of the transaction that carried it");
        catchUpDuration = meter.CreateHistogram<double>(CatchUpDuration, "s", "Time a checkpoint held the writers back to copy the rest of a long log");
    }

    /// <summary>A transaction of <paramref name="writeCount"/> writes begun at <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp) has ended.</summary>
    public void TransactionEnded(int writeCount, long started)
    {
        transactions.Add(1);
        writes.Add(writeCount);
        transactionDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary><paramref name="pending"/> is about to be answered: committed, or failed for good.</summary>
    public void Answered(PendingWrite pending)
    {
        if (writeWait.Enabled)
        {
            writeWait.Record(Stopwatch.GetElapsedTime(pending.Submitted).TotalSeconds);
        }
    }

    /// <summary>A catch-up that held the writers back from <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp) has ended.</summary>
    public void CatchUpEnded(long started) => catchUpDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
}
