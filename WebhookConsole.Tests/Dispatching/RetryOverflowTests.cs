using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Dispatching;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching;

/// <summary>
/// With SQLite, retries wait in the process up to <c>Dispatcher:QueueCapacity</c>; beyond it only their rows hold
/// them, and the recovery sweep must send them once due.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RetryOverflowTests : IAsyncLifetime
{
    private const int Capacity = 10;
    private const int Deliveries = Capacity + 5;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private TestReceiver receiver = null!;
    private AppFactory app = null!;

    public async Task InitializeAsync()
    {
        receiver = await TestReceiver.StartAsync();
        app = new AppFactory(new Dictionary<string, string?>
        {
            ["Dispatcher:QueueCapacity"] = Capacity.ToString(),
            ["Dispatcher:RetryDelays:0"] = "1",
            ["Dispatcher:SweepIntervalSeconds"] = "1",
            ["Dispatcher:SweepGraceSeconds"] = "1",
        }, TestDatabase.CreateSqlite());
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task Retries_AreAllSent_WhenMoreFailAtOnceThanTheProcessHolds()
    {
        // Each delivery's first request fails, its second succeeds; the first attempts are held at the receiver
        // until all have arrived, so every retry is scheduled at about the same moment.
        var failed = new ConcurrentDictionary<string, bool>();
        var allArrived = new TaskCompletionSource();
        receiver.RespondWith("/flaky", async (context, _) =>
        {
            if (failed.TryAdd(context.Request.Headers["webhook-id"].ToString(), true))
            {
                if (failed.Count == Deliveries)
                {
                    allArrived.TrySetResult();
                }
                await allArrived.Task.WaitAsync(Wait);
                context.Response.StatusCode = 500;
                return;
            }
            context.Response.StatusCode = 200;
        });
        var accountId = await app.DefaultAccountIdAsync();
        using var client = app.CreateApiClient();
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/flaky"), w => { w.EventType = "*"; w.Retries = 1; });
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);
        var timer = app.Services.GetRequiredService<RetryTimer>();
        var mostHeld = 0;
        using var watching = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            while (!watching.IsCancellationRequested)
            {
                mostHeld = Math.Max(mostHeld, timer.Count);
                await Task.Delay(5);
            }
        });

        var ids = new List<Guid>();
        for (var i = 0; i < Deliveries; i++)
        {
            var response = await app.PostEventAsync(client, accountId, new { @event = "Call:Hangup", environment = "ITD2024", payload = new { n = i } });
            ids.AddRange(await AppFactory.DeliveryIdsAsync(response));
        }

        foreach (var id in ids)
        {
            var delivery = await app.Data.WaitForDeliveryAsync(id, d => d.IsFinished, Wait, "every delivery to end");
            Assert.Equal(DeliveryStatus.Succeeded, delivery.Status);
            Assert.Equal(2, delivery.AttemptCount);
        }
        await watching.CancelAsync();
        await watch;
        Assert.Equal(Capacity, mostHeld);
    }
}
