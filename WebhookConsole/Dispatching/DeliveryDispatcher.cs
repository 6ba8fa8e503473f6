using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WebhookConsole.Data;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Works the <see cref="DispatchQueue"/>: takes as many entries as there are free send slots
/// (<c>Dispatcher:WorkerCount</c>), leases them in one batch (for deliveries handed over leased, reads only their
/// webhooks), and attempts each concurrently on async I/O, so no thread blocks while a request is on the wire.
/// While the queue has a backlog (deliveries it had no room for), free slots finding it dry take the oldest due
/// deliveries straight from the database, and the queue is refilled from there beside the sends, a batch at a
/// time, before it runs dry.
/// </summary>
internal sealed class DeliveryDispatcher(
    DispatchQueue queue,
    DeliveryLeaser leaser,
    AttemptRunner runner,
    IOptions<DispatcherOptions> options,
    DatabaseOutageLog outage,
    ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    /// <summary>On shutdown, requests in flight get this long to finish before they are cancelled and their leases released.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    /// <summary>The most deliveries one look at the backlog leases (within the queue's free space).</summary>
    private const int BacklogBatch = 100;

    /// <summary>Ids being attempted here now; a second copy of one in the queue is dropped, not leased again.</summary>
    private readonly ConcurrentDictionary<Guid, byte> inFlight = new();

    /// <summary>Attempts shutdown cut off (their leases given back), reported in one line once all have ended.</summary>
    private int interruptedByShutdown;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var slotCount = options.Value.WorkerCount;
        using var slots = new SemaphoreSlim(slotCount, slotCount);
        var batch = new List<DispatchItem>(slotCount);
        Task refill = Task.CompletedTask;
        using var sends = new CancellationTokenSource();
        using var stopping = stoppingToken.Register(() => sends.CancelAfter(StopGrace));
        try
        {
            while (queue.HasBacklog || await queue.WaitToReadAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                var taken = 1;
                while (taken < slotCount && slots.Wait(0))
                {
                    taken++;
                }
                batch.Clear();
                queue.TakeInto(batch, taken, inFlight);
                if (batch.Count == 0 && !refill.IsCompleted)
                {
                    // The refill under way brings the backlog's next batch; a second look beside it would race it for
                    // the same rows and, finding them taken, think the backlog gone.
                    await refill;
                    queue.TakeInto(batch, taken, inFlight);
                }

                var work = await LeaseAsync(batch, stoppingToken);
                foreach (var id in batch.Select(i => i.DeliveryId).Except(work.Select(w => w.Delivery.Id)))
                {
                    inFlight.TryRemove(id, out _);
                }
                if (batch.Count < taken && queue.HasBacklog && refill.IsCompleted)
                {
                    work.AddRange(await LeaseBacklogAsync(taken - work.Count, stoppingToken));
                }
                foreach (var item in work)
                {
                    _ = RunAsync(item, slots, sends.Token);
                }
                var unused = taken - work.Count;
                if (unused > 0)
                {
                    slots.Release(unused);
                }
                if (refill.IsCompleted && queue.HasBacklog && queue.Count < Math.Min(BacklogBatch, queue.Capacity / 2))
                {
                    // Beside the loop, so the slots go on with what is queued while the database is asked for more
                    // and find the next batch waiting instead of idling for it.
                    refill = Task.Run(() => LeaseBacklogAsync(0, stoppingToken), CancellationToken.None);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Never faults: a failed look is logged and leaves the rows to the sweep.
        await refill;

        // Shutdown: attempts in flight see the token, record or release their leases, and give their slots back.
        for (var i = 0; i < slotCount; i++)
        {
            await slots.WaitAsync(CancellationToken.None);
        }
        if (interruptedByShutdown > 0)
        {
            logger.LogInformation(
                "Shutdown: {Count} deliveries in flight were interrupted and given back; they are sent again after the restart, or sooner by another node",
                interruptedByShutdown);
        }
    }

    private async Task<List<DeliveryWork>> LeaseAsync(List<DispatchItem> batch, CancellationToken stoppingToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }
        try
        {
            var handedOver = batch.Where(i => i.Leased is not null).Select(i => i.Leased!).ToList();
            var held = batch.Where(i => i.Leased is null && i.Held is not null).Select(i => i.Held!).ToList();
            var ids = batch.Where(i => i.Leased is null && i.Held is null).Select(i => i.DeliveryId).ToList();
            var work = handedOver.Count > 0 ? await leaser.AdoptAsync(handedOver, stoppingToken) : [];
            if (held.Count > 0)
            {
                work.AddRange(await leaser.LeaseHeldAsync(held, stoppingToken));
            }
            if (ids.Count > 0)
            {
                work.AddRange(await leaser.LeaseAsync(ids, stoppingToken));
            }
            return work;
        }
        catch (Exception ex)
        {
            // The rows stay due: the recovery sweep hands them out again once their leases (if any) expire, and the
            // next start at once.
            if (!stoppingToken.IsCancellationRequested && !outage.ReportIfUnavailable("dispatcher", ex))
            {
                logger.LogError(ex, "Could not lease {Count} deliveries; the recovery sweep will retry them", batch.Count);
            }
            return [];
        }
    }

    /// <summary>
    /// Leases a batch of the backlog and returns work for <paramref name="count"/> free slots; the rest of the batch
    /// goes into the queue leased, so the database is asked once per batch, not once per slot. Finding fewer
    /// than asked, the backlog is gone unless a delivery was refused since the look began. On an error the recovery
    /// sweep finds the rows again.
    /// </summary>
    private async Task<List<DeliveryWork>> LeaseBacklogAsync(int count, CancellationToken stoppingToken)
    {
        var mark = queue.BacklogMark;
        try
        {
            var asked = Math.Max(count, Math.Min(BacklogBatch, queue.Free));
            var (found, leased) = await leaser.LeaseDueAsync(asked, stoppingToken);
            if (found < asked)
            {
                queue.ClearBacklog(mark);
            }
            var work = new List<DeliveryWork>(count);
            foreach (var item in leased)
            {
                if (work.Count == count)
                {
                    queue.Enqueue(new LeasedDelivery(item.Delivery, item.CallEvent));
                }
                // Leased here, so never in flight already; the check keeps a queued copy from running beside it.
                else if (inFlight.TryAdd(item.Delivery.Id, 0))
                {
                    work.Add(item);
                }
            }
            return work;
        }
        catch (Exception ex)
        {
            if (!stoppingToken.IsCancellationRequested && !outage.ReportIfUnavailable("dispatcher", ex))
            {
                logger.LogError(ex, "Could not lease the backlog; the recovery sweep will hand it out");
            }
            queue.ClearBacklog(mark);
            return [];
        }
    }

    private async Task RunAsync(DeliveryWork work, SemaphoreSlim slots, CancellationToken sendToken)
    {
        // Off the dispatch loop at once, so leasing the next batch never waits for this request.
        await Task.Yield();
        try
        {
            await runner.RunAsync(work, sendToken);
        }
        catch (OperationCanceledException) when (sendToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref interruptedByShutdown);
        }
        catch (Exception ex)
        {
            // The lease runs out and the recovery sweep hands the delivery out again.
            if (!outage.ReportIfUnavailable("dispatcher", ex))
            {
                logger.LogError(ex, "Delivery {DeliveryId} failed unexpectedly; it is retried when its lease expires", work.Delivery.Id);
            }
        }
        finally
        {
            inFlight.TryRemove(work.Delivery.Id, out _);
            slots.Release();
        }
    }
}
