using MudBlazor;

namespace WebhookConsole.Components.Layout;

/// <summary>The console's colours, shared by the light and dark palettes.</summary>
internal static class ConsoleTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#5f6b7a",
            AppbarBackground = "#283593",
            Background = "#f5f6fa",
        },
        // Secondary colours muted text (Color.Secondary): a grey-blue like the light palette's, lightened to read on
        // the dark background, instead of MudBlazor's default pink.
        PaletteDark = new PaletteDark
        {
            Primary = "#8c9eff",
            Secondary = "#a3adbb",
            SecondaryContrastText = "#1a1f3a",
            AppbarBackground = "#1a1f3a",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
