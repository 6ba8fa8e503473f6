using System.Collections.Concurrent;
using System.Diagnostics;

namespace WebhookConsole.Bench;

/// <summary>
/// The webhook receiver: Kestrel on loopback answering 200 to everything, except a delivery's first request under
/// <see cref="FailsOncePath"/>. It does as little as a receiver can (read the body, count, stamp the arrival), so it
/// measures the sender, not itself.
/// </summary>
internal sealed class BenchReceiver : IAsyncDisposable
{
    /// <summary>Under this path each delivery's first request (by its <c>webhook-id</c>) answers 503, and is not counted.</summary>
    public const string FailsOncePath = "/fails-once";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, byte> failedOnce = new(StringComparer.OrdinalIgnoreCase);
    private long count;
    private long lastArrival;
    private ConcurrentDictionary<string, long>? arrivals;

    private BenchReceiver(WebApplication app)
    {
        this.app = app;
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Requests received since start.</summary>
    public long Count => Interlocked.Read(ref count);

    /// <summary>The <see cref="Stopwatch"/> timestamp of the latest request.</summary>
    public long LastArrival => Interlocked.Read(ref lastArrival);

    public static async Task<BenchReceiver> StartAsync()
    {
        var receiver = new BenchReceiver(LoopbackServer.Create());
        receiver.BaseUrl = await LoopbackServer.StartAsync(receiver.app, receiver.HandleAsync);
        return receiver;
    }

    /// <summary>From now on, remembers when each <c>webhook-id</c> first arrived.</summary>
    public void TrackArrivals() => arrivals = new ConcurrentDictionary<string, long>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The arrivals tracked since <see cref="TrackArrivals"/>, and stops tracking.</summary>
    public IReadOnlyDictionary<string, long> StopTracking()
    {
        var tracked = arrivals ?? new ConcurrentDictionary<string, long>();
        arrivals = null;
        return tracked;
    }

    /// <summary>Waits until <see cref="Count"/> reaches <paramref name="target"/>; false when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitForCountAsync(long target, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Count < target)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }
            // The arrival times are stamped by the handler, so polling coarsely costs no precision.
            await Task.Delay(20);
        }
        return true;
    }

    private async Task HandleAsync(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null);
        if (context.Request.Path.StartsWithSegments(FailsOncePath) && failedOnce.TryAdd(context.Request.Headers["webhook-id"].ToString(), 0))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        var now = Stopwatch.GetTimestamp();
        arrivals?.TryAdd(context.Request.Headers["webhook-id"].ToString(), now);
        Interlocked.Exchange(ref lastArrival, now);
        Interlocked.Increment(ref count);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
