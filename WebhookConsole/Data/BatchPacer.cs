using System.Diagnostics;

namespace WebhookConsole.Data;

/// <summary>
/// Paces a long write made of batches (retention's purge, a bulk replay) so that the database's other writers keep
/// going beside it: SQLite takes one writer at a time, so a batch holds every ingest and every attempt's record until
/// it commits. Each batch is sized to take about <see cref="Target"/>: halved after one that took longer, doubled (up
/// to the largest size) after one that took under half as long. Each batch also waits first as long as the one before
/// it took, so the long write has at most half of the writer's time. It measures real elapsed time, not the app's
/// clock: it paces work and decides nothing.
/// </summary>
internal sealed class BatchPacer(int largest, int first)
{
    /// <summary>How long one batch should hold the writer.</summary>
    public static readonly TimeSpan Target = TimeSpan.FromMilliseconds(25);

    private TimeSpan owed = TimeSpan.Zero;

    /// <summary>The size the next batch should have.</summary>
    public int Size { get; private set; } = Math.Clamp(first, 1, largest);

    /// <summary>Waits its turn, then runs <paramref name="batch"/> with <see cref="Size"/> and sizes the next from how long it took.</summary>
    public async Task<T> RunAsync<T>(Func<int, Task<T>> batch, CancellationToken cancellationToken)
    {
        if (owed > TimeSpan.Zero)
        {
            await Task.Delay(owed, cancellationToken);
        }
        var started = Stopwatch.GetTimestamp();
        var result = await batch(Size);
        owed = Stopwatch.GetElapsedTime(started);
        Size = Next(Size, owed, largest);
        return result;
    }

    /// <summary>The size after a batch of <paramref name="size"/> that took <paramref name="took"/>.</summary>
    internal static int Next(int size, TimeSpan took, int largest) =>
        took > Target ? Math.Max(1, size / 2)
        : took < Target / 2 ? Math.Min(largest, size * 2)
        : size;
}
