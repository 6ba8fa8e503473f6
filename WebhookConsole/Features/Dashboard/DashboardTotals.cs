namespace WebhookConsole.Features.Dashboard;

/// <summary>Everything received and sent over the period.</summary>
public sealed record DashboardTotals(int Events, int Deliveries, int Succeeded, int Failed, int InProgress)
{
    public double? SuccessRate => SuccessRates.Of(Succeeded, Failed);
}
