namespace WebhookConsole.Data;

/// <summary>A write waiting for the <see cref="SqliteWriter"/>'s next transaction, and its caller's answer.</summary>
internal abstract class PendingWrite
{
    /// <summary>When the write was submitted, a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</summary>
    public long Submitted { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>Runs the write in the open transaction (again, if the transaction is retried).</summary>
    public abstract void Run(SqliteWriteBatch rows);

    /// <summary>The transaction committed: the caller gets the result of the write's last run.</summary>
    public abstract void Complete();

    public abstract void Fail(Exception error);
}
