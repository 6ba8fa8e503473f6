using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Components.Pages.Deliveries;

/// <summary>
/// Gathers the ids of changed deliveries and hands them over at most once per interval, so a burst of
/// deliveries costs an open page one small query instead of one per change. When deliveries changed that are not
/// named (<see cref="DeliveryChanges.ManyChanged"/>), the page is asked to reload instead.
/// </summary>
internal sealed class DeliveryChangeCoalescer : IDisposable
{
    private readonly DeliveryChanges changes;
    private readonly Func<IReadOnlyCollection<Guid>, Task> apply;
    private readonly Func<Task> reload;
    private readonly ILogger logger;
    private readonly HashSet<Guid> pending = [];
    private bool pendingMany;
    private readonly Lock gate = new();
    private readonly PeriodicTimer timer;
    private readonly CancellationTokenSource stop = new();

    /// <param name="apply">Shows the deliveries of these ids afresh.</param>
    /// <param name="reload">Shows everything afresh: deliveries changed that are not named.</param>
    public DeliveryChangeCoalescer(DeliveryChanges changes, TimeSpan interval, TimeProvider time, ILogger logger,
        Func<IReadOnlyCollection<Guid>, Task> apply, Func<Task> reload)
    {
        this.changes = changes;
        this.apply = apply;
        this.reload = reload;
        this.logger = logger;
        timer = new PeriodicTimer(interval, time);
        changes.Changed += OnChanged;
        changes.ManyChanged += OnManyChanged;
        _ = RunAsync();
    }

    private void OnChanged(IReadOnlyCollection<Guid> ids)
    {
        lock (gate)
        {
            pending.UnionWith(ids);
        }
    }

    private void OnManyChanged()
    {
        lock (gate)
        {
            pendingMany = true;
        }
    }

    private async Task RunAsync()
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                Guid[] batch;
                bool many;
                lock (gate)
                {
                    if (pending.Count == 0 && !pendingMany)
                    {
                        continue;
                    }
                    batch = [.. pending];
                    many = pendingMany;
                    pending.Clear();
                    pendingMany = false;
                }
                try
                {
                    await (many ? reload() : apply(batch));
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
        changes.ManyChanged -= OnManyChanged;
        stop.Cancel();
        timer.Dispose();
        stop.Dispose();
    }
}
