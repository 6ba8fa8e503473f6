namespace WebhookConsole.Features.Dashboard;

/// <summary>The buckets of a period: <see cref="Buckets"/> steps from <see cref="From"/>, the one holding "now" last.</summary>
internal sealed record DashboardWindow(DashboardPeriod Period, DateTime From, TimeSpan Step, int Buckets)
{
    public DateTime To => From + Step * Buckets;

    public static DashboardWindow Of(DashboardPeriod period, DateTime now)
    {
        if (period == DashboardPeriod.Last7Days)
        {
            return new DashboardWindow(period, now.Date.AddDays(-6), TimeSpan.FromDays(1), 7);
        }
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        return new DashboardWindow(period, hour.AddHours(-23), TimeSpan.FromHours(1), 24);
    }
}
