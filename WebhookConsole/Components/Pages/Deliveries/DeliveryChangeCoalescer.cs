using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Components.Pages.Deliveries;

/// <summary>
/// Gathers the ids of changed deliveries and hands them over at most once per interval, so a burst of
/// deliveries costs an open page one small query instead of one per change.
/// </summary>
internal sealed class DeliveryChangeCoalescer : IDisposable
{
    private readonly DeliveryChanges changes;
    private readonly Func<IReadOnlyCollection<Guid>, Task> apply;
    private readonly ILogger logger;
    private readonly HashSet<Guid> pending = [];
    private readonly Lock gate = new();
    private readonly PeriodicTimer timer;
    private readonly CancellationTokenSource stop = new();

    public DeliveryChangeCoalescer(DeliveryChanges changes, TimeSpan interval, TimeProvider time, ILogger logger,
        Func<IReadOnlyCollection<Guid>, Task> apply)
    {
        this.changes = changes;
        this.apply = apply;
        this.logger = logger;
        timer = new PeriodicTimer(interval, time);
        changes.Changed += OnChanged;
        _ = RunAsync();
    }

    private void OnChanged(IReadOnlyCollection<Guid> ids)
    {
        lock (gate)
        {
            pending.UnionWith(ids);
        }
    }

    private async Task RunAsync()
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                Guid[] batch;
                lock (gate)
                {
                    if (pending.Count == 0)
                    {
                        continue;
                    }
                    batch = [.. pending];
                    pending.Clear();
                }
                try
                {
                    await apply(batch);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed refresh only delays what the page shows; the next change or a reload brings it back.
                    logger.LogWarning(ex, "Could not show {Count} changed deliveries", batch.Length);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        changes.Changed -= OnChanged;
        stop.Cancel();
        timer.Dispose();
        stop.Dispose();
    }
}
