namespace WebhookConsole.Features.Dashboard;

/// <summary>Deliveries not yet ended, whatever their age; <see cref="DueNow"/> of them wait for a worker right now.</summary>
public sealed record RetryQueue(int Pending, int Retrying, int DueNow)
{
    public int Total => Pending + Retrying;
}
