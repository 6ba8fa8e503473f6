namespace WebhookConsole.Tests.Support;

/// <summary>
/// The system clock moved by <see cref="Offset"/>: the app runs on real time (timers, leases, Hangfire) and a test
/// jumps it ahead, e.g. past a rotated secret's grace period.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
        set => Interlocked.Exchange(ref offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
