using System.Diagnostics.Metrics;
using WebhookConsole.Data;

namespace WebhookConsole.Bench;

/// <summary>
/// Sums the measurements the app's <see cref="SqliteWriter"/> publishes (<see cref="SqliteWriterMetrics"/>), as an
/// operator's metrics collector would, so each scenario can tell how many transactions it took, how long each ran and
/// how long a write waited for its commit, and how long each checkpoint's catch-up held the writers back.
/// </summary>
internal sealed class WriterMetricsListener
{
    private readonly MeterListener listener = new();
    private readonly Lock gate = new();
    private readonly List<double> catchUps = [];
    private WriterTotals totals;

    public WriterMetricsListener()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SqliteWriterMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(instrument.Name, value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Add(instrument.Name, value));
        listener.Start();
    }

    /// <summary>The one listener of the bench process, listening from its first use to the process's end.</summary>
    public static WriterMetricsListener Shared { get; } = new();

    public WriterTotals Read()
    {
        lock (gate)
        {
            return totals;
        }
    }

    /// <summary>How long each catch-up since <paramref name="start"/> held the writers back, in milliseconds, sorted.</summary>
    public double[] CatchUpsSince(WriterTotals start)
    {
        lock (gate)
        {
            return catchUps.Skip(start.CatchUps).Order().ToArray();
        }
    }

    private void Add(string instrument, double value)
    {
        lock (gate)
        {
            if (instrument == SqliteWriterMetrics.CatchUpDuration)
            {
                catchUps.Add(value * 1000);
                totals = totals with { CatchUps = catchUps.Count };
                return;
            }
            totals = instrument switch
            {
                SqliteWriterMetrics.Transactions => totals with { Transactions = totals.Transactions + (long)value },
                SqliteWriterMetrics.Writes => totals with { Writes = totals.Writes + (long)value },
                SqliteWriterMetrics.TransactionDuration => totals with { TransactionSeconds = totals.TransactionSeconds + value },
                SqliteWriterMetrics.WriteWait => totals with { Waits = totals.Waits + 1, WaitSeconds = totals.WaitSeconds + value },
                _ => totals,
            };
        }
    }
}
