using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WebhookConsole.Dispatching;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Events;

namespace WebhookConsole.Tests.Dispatching;

/// <summary>The dispatcher's bounded in-memory queue and its backlog flag.</summary>
public sealed class DispatchQueueTests
{
    private readonly DispatchQueue queue = new(Options.Create(new DispatcherOptions { QueueCapacity = 10 }));

    [Fact]
    public void TryEnqueue_RefusesAndRecordsABacklog_OnceTheQueueIsFull()
    {
        var accepted = Enumerable.Range(0, 11).Count(_ => queue.TryEnqueue(Guid.NewGuid()));

        Assert.Equal(10, accepted);
        Assert.Equal(10, queue.Count);
        Assert.False(queue.HasRoom);
        Assert.True(queue.HasBacklog);
    }

    [Fact]
    public void Enqueue_TakesALeasedDelivery_EvenWhenFull()
    {
        for (var i = 0; i < 10; i++)
        {
            queue.TryEnqueue(Guid.NewGuid());
        }

        queue.Enqueue(new LeasedDelivery(new Delivery { Id = Guid.NewGuid() }, new CallEvent()));

        Assert.Equal(11, queue.Count);
        Assert.False(queue.HasBacklog);
    }

    [Fact]
    public void TryEnqueue_Refuses_WhileABacklogWaits_SoNewerDeliveriesDoNotOvertakeIt()
    {
        queue.MarkBacklog();

        Assert.False(queue.TryEnqueue(Guid.NewGuid()));
        Assert.Equal(0, queue.Room);
        Assert.Equal(10, queue.Free);

        queue.ClearBacklog(queue.BacklogMark);
        Assert.True(queue.TryEnqueue(Guid.NewGuid()));
    }

    [Fact]
    public void ClearBacklog_KeepsTheBacklog_WhenADeliveryWasRefusedAfterTheMark()
    {
        queue.MarkBacklog();
        var mark = queue.BacklogMark;
        queue.MarkBacklog();

        queue.ClearBacklog(mark);
        Assert.True(queue.HasBacklog);

        queue.ClearBacklog(queue.BacklogMark);
        Assert.False(queue.HasBacklog);
    }

    [Fact]
    public void TakeInto_KeepsTheLeasedCopy_OfADeliveryQueuedBareAndLeasedSince()
    {
        var id = Guid.NewGuid();
        var other = Guid.NewGuid();
        queue.TryEnqueue(id);
        queue.TryEnqueue(other);
        var leased = new LeasedDelivery(new Delivery { Id = id }, new CallEvent());
        queue.Enqueue(leased);
        var batch = new List<DispatchItem>();
        var inFlight = new ConcurrentDictionary<Guid, byte>();

        queue.TakeInto(batch, 5, inFlight);

        Assert.Equal([new DispatchItem(id, leased), new DispatchItem(other, null)], batch);
        Assert.Equal(new[] { id, other }.Order(), inFlight.Keys.Order());
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void TakeInto_DropsAnEntry_WhoseDeliveryIsInFlight()
    {
        var id = Guid.NewGuid();
        queue.Enqueue(new LeasedDelivery(new Delivery { Id = id }, new CallEvent()));
        var batch = new List<DispatchItem>();
        var inFlight = new ConcurrentDictionary<Guid, byte>([new KeyValuePair<Guid, byte>(id, 0)]);

        queue.TakeInto(batch, 5, inFlight);

        Assert.Empty(batch);
        Assert.Equal(0, queue.Count);
    }
}
