namespace WebhookConsole.Bench;

/// <summary>
/// What the app's SQLite writer reported through its metrics, summed; two readings give a stretch's share. The
/// catch-ups are counted from the listener's start, so a reading also marks where a stretch's catch-ups begin.
/// </summary>
internal readonly record struct WriterTotals(long Transactions, long Writes, double TransactionSeconds, long Waits, double WaitSeconds, int CatchUps = 0)
{
    public WriterTotals Since(WriterTotals start) => new(
        Transactions - start.Transactions, Writes - start.Writes, TransactionSeconds - start.TransactionSeconds,
        Waits - start.Waits, WaitSeconds - start.WaitSeconds, CatchUps - start.CatchUps);

    /// <summary>E.g. "812 transactions/s of 9.6 writes, 0.69 ms each; a write waited 1.11 ms for its commit".</summary>
    public string Describe(TimeSpan wall) =>
        $"{Transactions / wall.TotalSeconds:0} transactions/s of {Writes / (double)Transactions:0.0} writes, {TransactionSeconds * 1000 / Transactions:0.00} ms each"
        + (Waits > 0 ? $"; a write waited {WaitSeconds * 1000 / Waits:0.00} ms for its commit" : "");
}
