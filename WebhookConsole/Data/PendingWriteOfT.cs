namespace WebhookConsole.Data;

/// <summary>A <see cref="PendingWrite"/> whose caller awaits a <typeparamref name="T"/>.</summary>
internal sealed class PendingWrite<T>(Func<SqliteWriteBatch, T> work) : PendingWrite
{
    // Continuations run off the writer's loop, so a caller's next steps never delay the next transaction.
    private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T result = default!;

    public Task<T> Task => completion.Task;

    public override void Run(SqliteWriteBatch rows) => result = work(rows);

    public override void Complete() => completion.TrySetResult(result);

    public override void Fail(Exception error) => completion.TrySetException(error);
}
