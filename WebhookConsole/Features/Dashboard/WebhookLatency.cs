namespace WebhookConsole.Features.Dashboard;

/// <summary>
/// One webhook's traffic over the period: delivery outcomes, and attempt latency percentiles over
/// <see cref="SampledAttempts"/> (its most recent attempts, at most <see cref="DashboardService.LatencySampleSize"/>).
/// </summary>
public sealed record WebhookLatency(
    Guid WebhookId, string Name, string Url, bool Enabled, int Succeeded, int Failed, int SampledAttempts, int? P50Ms, int? P95Ms)
{
    public double? SuccessRate => SuccessRates.Of(Succeeded, Failed);
}
