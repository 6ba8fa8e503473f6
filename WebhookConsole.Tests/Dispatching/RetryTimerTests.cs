using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WebhookConsole.Dispatching;

namespace WebhookConsole.Tests.Dispatching;

/// <summary>The retries a single node holds in memory until they are due, then hands to its dispatch queue.</summary>
public sealed class RetryTimerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 7, 30, 14, 35, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Start);
    private readonly DispatchQueue queue;
    private readonly RetryTimer retries;

    public RetryTimerTests()
    {
        var options = Options.Create(new DispatcherOptions { QueueCapacity = 10 });
        queue = new DispatchQueue(options);
        retries = new RetryTimer(queue, time, options);
    }

    public void Dispose() => retries.Dispose();

    [Fact]
    public void Add_HandsEachRetryToTheQueueOnceItIsDueAndNotBefore_InTheOrderTheyComeDue()
    {
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        retries.Add(third, At(3));
        retries.Add(first, At(1));
        retries.Add(second, At(2));

        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Empty(Queued());

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([first], Queued());

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal([second, third], Queued());
        Assert.Equal(0, retries.Count);
    }

    [Fact]
    public void Add_HandsOverARetryDueSoonerThanTheOneWaitedFor_AtItsOwnTime()
    {
        var later = Guid.NewGuid();
        var sooner = Guid.NewGuid();
        retries.Add(later, At(600));

        retries.Add(sooner, At(2));
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal([sooner], Queued());
        Assert.Equal(1, retries.Count);
        time.Advance(TimeSpan.FromSeconds(598));
        Assert.Equal([later], Queued());
    }

    [Fact]
    public void Add_HandsOverAtOnce_WhenTheRetryIsDueAlready()
    {
        var overdue = Guid.NewGuid();

        retries.Add(overdue, At(-1));
        time.Advance(TimeSpan.Zero);

        Assert.Equal([overdue], Queued());
    }

    [Fact]
    public void Add_HoldsNoMoreThanTheQueueCapacity_LeavingTheRestToTheRecoverySweep()
    {
        var held = Enumerable.Range(0, 11).Count(_ => retries.Add(Guid.NewGuid(), At(5)));

        Assert.Equal(10, held);
        Assert.Equal(10, retries.Count);
    }

    [Fact]
    public void DueRetry_MarksABacklog_WhenTheQueueIsFull()
    {
        for (var i = 0; i < 10; i++)
        {
            queue.TryEnqueue(Guid.NewGuid());
        }
        retries.Add(Guid.NewGuid(), At(1));

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, retries.Count);
        Assert.True(queue.HasBacklog);
    }

    private static DateTime At(double seconds) => Start.UtcDateTime.AddSeconds(seconds);

    private List<Guid> Queued()
    {
        var taken = new List<DispatchItem>();
        queue.TakeInto(taken, 100, new ConcurrentDictionary<Guid, byte>());
        return [.. taken.Select(i => i.DeliveryId)];
    }
}
