namespace WebhookConsole.Bench.Scenarios;

/// <summary>
/// One window of the soak: deliveries/s arrived in it, and at its end the backlog (deliveries accepted, not yet
/// arrived), the size of SQLite's write-ahead log and the process's working set, MiB.
/// </summary>
internal sealed record SoakWindow(double DeliveriesPerSecond, long Backlog, double LogMb, double WorkingSetMb);
