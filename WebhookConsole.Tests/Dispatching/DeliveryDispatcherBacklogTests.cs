using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Dispatching;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching;

/// <summary>A backlog larger than the dispatcher's queue: the database holds the rest, and nothing waits for the sweep.</summary>
[Collection(AppCollection.Name)]
public sealed class DeliveryDispatcherBacklogTests : IAsyncLifetime
{
    private const int Capacity = 10;
    private const int Clients = 8;
    private const int Events = 200;

    private TestReceiver receiver = null!;
    private AppFactory app = null!;

    public async Task InitializeAsync()
    {
        receiver = await TestReceiver.StartAsync();
        // Two slots against a receiver taking 20 ms fall far behind the posts; the hourly sweep never runs during
        // the test, so only the dispatcher itself can take the deliveries the queue had no room for.
        app = new AppFactory(new Dictionary<string, string?>
        {
            ["Dispatcher:QueueCapacity"] = $"{Capacity}",
            ["Dispatcher:WorkerCount"] = "2",
            ["Dispatcher:SweepIntervalSeconds"] = "3600",
        });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task Backlog_IsDeliveredOnceEach_WhileTheQueueStaysWithinItsCapacity()
    {
        receiver.Respond("/slow", (_, _) => new ReceiverResponse(200, Delay: TimeSpan.FromMilliseconds(20)));
        using var client = app.CreateApiClient();
        var accountId = await app.DefaultAccountIdAsync();
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/slow"), w => w.EventType = "Call:Hangup");
        await app.Data.AddEnvironmentAsync(accountId, "Backlog", webhook.Id);
        var queue = app.Services.GetRequiredService<DispatchQueue>();

        using var sampling = new CancellationTokenSource();
        var (largest, backlogSeen) = (0, false);
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                largest = Math.Max(largest, queue.Count);
                backlogSeen |= queue.HasBacklog;
                await Task.Delay(1);
            }
        });
        var next = 0;
        var deliveryIds = (await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            var ids = new List<Guid>();
            while (Interlocked.Increment(ref next) <= Events)
            {
                using var response = await app.PostEventAsync(client, accountId, new { @event = "Call:Hangup", environment = "Backlog", payload = new { uuid = Guid.NewGuid() } });
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                ids.AddRange(await AppFactory.DeliveryIdsAsync(response));
            }
            return ids;
        }))).SelectMany(ids => ids).ToList();

        var received = await receiver.WaitForAsync(r => r.Count >= Events, TimeSpan.FromSeconds(60), $"{Events} deliveries");
        await sampling.CancelAsync();
        await sampler;

        Assert.Equal(Events, deliveryIds.Count);
        Assert.Equal(deliveryIds.Select(id => id.ToString()).Order(), received.Select(r => r.Header("webhook-id")).Order());
        Assert.True(backlogSeen, "the queue never had a backlog, so the test did not exercise it");
        // Deliveries handed over with their lease while the queue had room can overshoot it by those in flight.
        Assert.InRange(largest, 1, Capacity + Clients);
    }

    [Fact]
    public async Task Backlog_RefillsTheQueue_WhileEverySlotIsBusy()
    {
        // Each request is held until the test lets it go, so the queue is looked at with both slots busy: a dispatcher
        // that asked the database only once the queue was empty would leave it empty here, with the backlog waiting.
        const int Posted = 60;
        using var arrivals = new SemaphoreSlim(0);
        using var gate = new SemaphoreSlim(0);
        var holding = true;
        receiver.Respond("/held", (_, _) =>
        {
            arrivals.Release();
            if (Volatile.Read(ref holding))
            {
                gate.Wait(TimeSpan.FromSeconds(30));
            }
            return ReceiverResponse.Ok;
        });
        using var client = app.CreateApiClient();
        var accountId = await app.DefaultAccountIdAsync();
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/held"), w => w.EventType = "Call:Hangup");
        await app.Data.AddEnvironmentAsync(accountId, "Held", webhook.Id);
        var queue = app.Services.GetRequiredService<DispatchQueue>();

        var deliveryIds = new List<Guid>();
        for (var i = 0; i < Posted; i++)
        {
            using var response = await app.PostEventAsync(client, accountId, new { @event = "Call:Hangup", environment = "Held", payload = new { uuid = Guid.NewGuid() } });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            deliveryIds.AddRange(await AppFactory.DeliveryIdsAsync(response));
        }
        await WaitForArrivalAsync(arrivals);
        await WaitForArrivalAsync(arrivals);
        Assert.True(queue.HasBacklog, $"{Posted} events did not overflow a queue of {Capacity}");

        var steps = 0;
        while (queue.HasBacklog)
        {
            Assert.InRange(++steps, 1, Posted);
            gate.Release();
            await WaitForArrivalAsync(arrivals);
            await Poll.UntilAsync(() => queue.Count > 0 || !queue.HasBacklog, TimeSpan.FromSeconds(5),
                $"the queue to be refilled from the backlog after {steps} deliveries");
        }

        Volatile.Write(ref holding, false);
        gate.Release(2);
        var received = await receiver.WaitForAsync(r => r.Count >= Posted, TimeSpan.FromSeconds(30), $"{Posted} deliveries");
        Assert.Equal(deliveryIds.Select(id => id.ToString()).Order(), received.Select(r => r.Header("webhook-id")).Order());
        Assert.InRange(steps, Capacity, Posted);
    }

    private static async Task WaitForArrivalAsync(SemaphoreSlim arrivals) =>
        Assert.True(await arrivals.WaitAsync(TimeSpan.FromSeconds(10)), "no delivery reached the receiver");
}
