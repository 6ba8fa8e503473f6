namespace WebhookConsole.Features.Dashboard;

/// <summary>Deliveries created in one hour or day, by how they stand now.</summary>
public sealed record DeliveryBucket(DateTime Start, int Succeeded, int Failed, int InProgress)
{
    public int Total => Succeeded + Failed + InProgress;

    /// <summary>Succeeded share of the finished deliveries; null when none has finished.</summary>
    public double? SuccessRate => SuccessRates.Of(Succeeded, Failed);
}
