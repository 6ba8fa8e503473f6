using System.Globalization;
using MudBlazor;

namespace WebhookConsole.Components.Pages.Dashboard;

/// <summary>How a success rate reads and is coloured across the dashboard.</summary>
internal static class Rate
{
    public static string Format(double? rate) =>
        rate is { } value ? (value * 100).ToString(value is 1 or 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + " %" : "—";

    public static Color ColorOf(double? rate) => rate switch
    {
        null => Color.Default,
        >= 0.99 => Color.Success,
        >= 0.9 => Color.Warning,
        _ => Color.Error,
    };
}
