using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebhookConsole.Features.Dashboard;

namespace WebhookConsole.Components.Pages.Dashboard;

/// <summary>Succeeded, failed and open deliveries per bucket as stacked bars, and the success rate as a line.</summary>
public partial class DeliveriesChart
{
    private List<ChartSeries<double>> counts = [];
    private List<ChartSeries<double>> rates = [];
    private string[] labels = [];

    private readonly StackedBarChartOptions countOptions = new()
    {
        ChartPalette = ["#2E7D32", "#C62828", "#9E9E9E"],
        YAxisTicks = 10,
    };

    private readonly LineChartOptions rateOptions = new()
    {
        ChartPalette = ["#1565C0"],
        YAxisSuggestedMax = 100,
        YAxisTicks = 20,
        YAxisRequireZeroPoint = true,
        // A rate exists only where deliveries ended: markers keep a lone point visible.
        ShowDataMarkers = true,
    };

    [Parameter, EditorRequired] public IReadOnlyList<DeliveryBucket> Buckets { get; set; } = [];
    [Parameter, EditorRequired] public DashboardPeriod Period { get; set; }

    protected override void OnParametersSet()
    {
        // 24 hourly labels do not fit under a narrow chart: every third one is shown.
        labels = [.. Buckets.Select((b, i) => Period == DashboardPeriod.Last7Days || i % 3 == 0 ? Label(b.Start) : "")];
        counts =
        [
            new() { Name = "Succeeded", Data = new ChartData<double>([.. Buckets.Select(b => (double)b.Succeeded)]) },
            new() { Name = "Failed", Data = new ChartData<double>([.. Buckets.Select(b => (double)b.Failed)]) },
            new() { Name = "In progress", Data = new ChartData<double>([.. Buckets.Select(b => (double)b.InProgress)]) },
        ];
        rates =
        [
            new() { Name = "Success rate", Data = new ChartData<double>([.. Buckets.Select(b => b.SuccessRate * 100)]) },
        ];
    }

    /// <summary>The figures table is as wide as the chart: hours by their number alone, rates in whole percent.</summary>
    private string ColumnLabel(DateTime start) => Period == DashboardPeriod.Last24Hours
        ? start.ToString("HH", CultureInfo.InvariantCulture)
        : Label(start);

    private static string WholePercent(double? rate) =>
        rate is { } value ? Math.Floor(value * 100).ToString("0", CultureInfo.InvariantCulture) : "—";

    private string Label(DateTime start) => Period == DashboardPeriod.Last24Hours
        ? start.ToString("HH:00", CultureInfo.InvariantCulture)
        : start.ToString("ddd d", CultureInfo.InvariantCulture);
}
