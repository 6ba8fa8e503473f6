using WebhookConsole.Data;

namespace WebhookConsole.Tests.Data;

/// <summary>The sizing of the batches of a long write, so that each holds SQLite's one writer only briefly.</summary>
public sealed class BatchPacerTests
{
    [Fact]
    public void Next_HalvesTheSize_AfterABatchThatTookLongerThanTheTarget()
    {
        Assert.Equal(50, BatchPacer.Next(100, BatchPacer.Target * 3, largest: 2000));
        Assert.Equal(1, BatchPacer.Next(1, TimeSpan.FromSeconds(5), largest: 2000));
    }

    [Fact]
    public void Next_DoublesTheSizeUpToTheLargest_AfterABatchThatTookUnderHalfTheTarget()
    {
        Assert.Equal(200, BatchPacer.Next(100, BatchPacer.Target / 4, largest: 2000));
        Assert.Equal(2000, BatchPacer.Next(1500, TimeSpan.Zero, largest: 2000));
    }

    [Fact]
    public void Next_KeepsTheSize_AfterABatchNearTheTarget()
    {
        Assert.Equal(100, BatchPacer.Next(100, BatchPacer.Target * 0.75, largest: 2000));
    }

    [Fact]
    public async Task RunAsync_GrowsQuickBatchesToTheLargestSize()
    {
        var pacer = new BatchPacer(largest: 1000, first: 100);
        var sizes = new List<int>();

        for (var i = 0; i < 6; i++)
        {
            sizes.Add(await pacer.RunAsync(size => Task.FromResult(size), CancellationToken.None));
        }

        Assert.Equal([100, 200, 400, 800, 1000, 1000], sizes);
    }

    [Fact]
    public async Task RunAsync_ShrinksSlowBatches()
    {
        var pacer = new BatchPacer(largest: 1000, first: 400);
        var sizes = new List<int>();

        for (var i = 0; i < 3; i++)
        {
            sizes.Add(await pacer.RunAsync(async size =>
            {
                await Task.Delay(BatchPacer.Target * 2);
                return size;
            }, CancellationToken.None));
        }

        Assert.Equal([400, 200, 100], sizes);
    }
}
