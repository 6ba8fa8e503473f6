namespace WebhookConsole.Bench.Scenarios;

/// <summary>
/// One window of the soak: deliveries/s arrived in it, and at its end the backlog (deliveries accepted, not yet
/// arrived), the size of SQLite's write-ahead log file (the log starts over inside it, so its high-water mark) and the
/// process's working set, MiB.
/// </summary>
internal sealed record SoakWindow(double DeliveriesPerSecond, long Backlog, double LogMb, double WorkingSetMb);
