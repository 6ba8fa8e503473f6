namespace WebhookConsole.Bench;

/// <summary>
/// One reading of this process's resident memory, MiB, as Linux splits it: anonymous pages (the garbage
/// collector's heap among them), file-backed pages (the binaries, and SQLite's database file read through its memory
/// map and its WAL index) and shared memory (the runtime's double-mapped JIT code), with the memory the garbage
/// collector had committed and the scenario the reading was taken in.
/// </summary>
internal sealed record MemorySample(double ResidentMb, double AnonymousMb, double FileMb, double SharedMb, double GcCommittedMb, string Phase);
