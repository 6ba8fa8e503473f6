namespace WebhookConsole.Features.Dashboard;

/// <summary>The span the dashboard covers, and how finely its charts are bucketed.</summary>
public enum DashboardPeriod
{
    /// <summary>24 hourly buckets, the current hour last.</summary>
    Last24Hours,

    /// <summary>7 daily buckets (UTC days), today last.</summary>
    Last7Days,
}
