using System.Threading.Channels;

namespace WebhookConsole.Data;

/// <summary>
/// Commits the work of concurrent callers together. Each caller submits an item and awaits its own outcome; one
/// loop takes everything submitted meanwhile (up to a batch) and commits it in one transaction, so a burst of N
/// writers costs one commit, not N. A caller is answered only once its item is committed. When a batch fails,
/// its items are committed one by one, so a bad item (a duplicate key) fails alone and the others go through.
/// </summary>
internal sealed class GroupCommit<TItem, TResult>
{
    private readonly Channel<Pending> channel = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> commitBatchAsync;
    private readonly Func<TItem, Task<TResult>> commitOneAsync;
    private readonly int maxBatch;

    /// <param name="commitBatchAsync">Commits all items in one transaction; returns one result per item, in order.</param>
    /// <param name="commitOneAsync">Commits one item alone, after its batch failed.</param>
    /// <param name="maxBatch">The most items one transaction takes.</param>
    public GroupCommit(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> commitBatchAsync, Func<TItem, Task<TResult>> commitOneAsync, int maxBatch)
    {
        this.commitBatchAsync = commitBatchAsync;
        this.commitOneAsync = commitOneAsync;
        this.maxBatch = maxBatch;
        // The loop waits on the channel and lives as long as this object is reachable.
        _ = Task.Run(RunAsync);
    }

    /// <summary>Completes when the item is committed, with its result, or fails with the error of its commit.</summary>
    public Task<TResult> SubmitAsync(TItem item)
    {
        // Continuations run off the loop, so a caller's next steps never delay the next batch.
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        channel.Writer.TryWrite(pending);
        return pending.Completion.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(maxBatch);
        while (await channel.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < maxBatch && channel.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            var results = await commitBatchAsync(batch.ConvertAll(p => p.Item));
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
            return;
        }
        catch (Exception ex) when (batch.Count == 1)
        {
            batch[0].Completion.TrySetException(ex);
            return;
        }
        catch (Exception)
        {
            // Some item spoilt the batch; each is tried on its own below.
        }
        foreach (var pending in batch)
        {
            try
            {
                pending.Completion.TrySetResult(await commitOneAsync(pending.Item));
            }
            catch (Exception ex)
            {
                pending.Completion.TrySetException(ex);
            }
        }
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Completion);
}
