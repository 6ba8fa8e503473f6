using MudBlazor;

namespace WebhookConsole.Components.Layout;

/// <summary>The console's colours, shared by the light and dark palettes.</summary>
/// <remarks>
/// Every status colour reads at WCAG AA (4.5:1) as text on the surface (outlined and text chips, error figures,
/// links, text alerts) and under its contrast text (filled chips and buttons). MudBlazor's defaults do not: its light
/// orange, green and blue are about 2:1 on white, and in the dark palette white text on the light colours is about 2:1.
/// </remarks>
internal static class ConsoleTheme
{
    /// <summary>Text on the dark palette's light colours: the app bar's navy.</summary>
    private const string DarkContrastText = "#1a1f3a";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#5f6b7a",
            AppbarBackground = "#283593",
            Background = "#f5f6fa",
            Success = "#2e7d32",
            Warning = "#a85400",
            Error = "#c62828",
            Info = "#1565c0",
        },
        // Secondary colours muted text (Color.Secondary): a grey-blue like the light palette's, lightened to read on
        // the dark background, instead of MudBlazor's default pink.
        PaletteDark = new PaletteDark
        {
            Primary = "#9aaaff",
            PrimaryContrastText = DarkContrastText,
            Secondary = "#a3adbb",
            SecondaryContrastText = DarkContrastText,
            AppbarBackground = "#1a1f3a",
            Success = "#3fcf97",
            SuccessContrastText = DarkContrastText,
            Warning = "#ffa800",
            WarningContrastText = DarkContrastText,
            Error = "#ff8a95",
            ErrorContrastText = DarkContrastText,
            Info = "#7cbcff",
            InfoContrastText = DarkContrastText,
            // MudBlazor draws text alerts in the "darken" shade and darkens filled buttons on hover: on a dark surface
            // a darker shade of these light colours falls below 4.5:1, so here it is a lighter one.
            PrimaryDarken = "#a5b4ff",
            SuccessDarken = "#5fdcaa",
            WarningDarken = "#ffb733",
            ErrorDarken = "#ffa3ab",
            InfoDarken = "#9ccbff",
            // Field labels and helper text: MudBlazor's half-white is 4.2:1 on the dark surface.
            TextSecondary = "rgba(255,255,255,0.62)",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
