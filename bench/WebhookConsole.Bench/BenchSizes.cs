namespace WebhookConsole.Bench;

/// <summary>How much work each scenario does: the full run measures, the quick run only proves the harness works.</summary>
internal sealed record BenchSizes(
    string Name,
    int WarmupEvents,
    TimeSpan LimitDuration,
    int IngestEvents,
    int IngestFanOutEvents,
    int DeliveryEvents,
    TimeSpan LatencyDuration,
    int HistoryDeliveries,
    TimeSpan SoakDuration,
    TimeSpan DrainTimeout)
{
    /// <summary>Concurrent API clients of the ingest and delivery scenarios.</summary>
    public const int Clients = 8;

    /// <summary>The steady rate of the latency scenario.</summary>
    public const int LatencyEventsPerSecond = 200;

    public static readonly BenchSizes Full = new(
        "full",
        WarmupEvents: 20_000,
        LimitDuration: TimeSpan.FromSeconds(5),
        IngestEvents: 5_000,
        IngestFanOutEvents: 500,
        DeliveryEvents: 20_000,
        LatencyDuration: TimeSpan.FromSeconds(10),
        HistoryDeliveries: 1_000_000,
        SoakDuration: TimeSpan.FromSeconds(60),
        DrainTimeout: TimeSpan.FromMinutes(3));

    public static readonly BenchSizes Quick = new(
        "quick",
        WarmupEvents: 100,
        LimitDuration: TimeSpan.FromSeconds(0.5),
        IngestEvents: 300,
        IngestFanOutEvents: 50,
        DeliveryEvents: 500,
        LatencyDuration: TimeSpan.FromSeconds(1),
        HistoryDeliveries: 10_000,
        SoakDuration: TimeSpan.FromSeconds(1.2),
        DrainTimeout: TimeSpan.FromSeconds(60));
}
