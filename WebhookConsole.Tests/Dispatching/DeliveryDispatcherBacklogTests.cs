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
}
