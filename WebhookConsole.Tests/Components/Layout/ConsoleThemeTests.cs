using MudBlazor;
using MudBlazor.Utilities;
using WebhookConsole.Components.Layout;

namespace WebhookConsole.Tests.Components.Layout;

public sealed class ConsoleThemeTests
{
    [Fact]
    public void DarkPalette_HasAMutedSecondary_NotMudBlazorsDefaultPink()
    {
        var secondary = new MudColor(ConsoleTheme.Theme.PaletteDark.Secondary.ToString());

        Assert.NotEqual(new PaletteDark().Secondary.ToString(), secondary.ToString());
        // Muted text is drawn in Secondary: greyish (little saturation) and light enough to read on the dark background.
        Assert.True(secondary.S < 0.3, $"saturation {secondary.S} of {secondary}");
        Assert.True(secondary.L > 0.55, $"lightness {secondary.L} of {secondary}");
    }

    [Fact]
    public void LightPalette_HasAMutedSecondary_ThatReadsOnTheLightBackground()
    {
        var secondary = new MudColor(ConsoleTheme.Theme.PaletteLight.Secondary.ToString());

        Assert.True(secondary.S < 0.3, $"saturation {secondary.S} of {secondary}");
        Assert.True(secondary.L < 0.5, $"lightness {secondary.L} of {secondary}");
    }

    public static TheoryData<string, string, string> StatusColours => new()
    {
        { "light", "Primary", "PrimaryContrastText" },
        { "light", "Success", "SuccessContrastText" },
        { "light", "Warning", "WarningContrastText" },
        { "light", "Error", "ErrorContrastText" },
        { "light", "Info", "InfoContrastText" },
        { "dark", "Primary", "PrimaryContrastText" },
        { "dark", "Success", "SuccessContrastText" },
        { "dark", "Warning", "WarningContrastText" },
        { "dark", "Error", "ErrorContrastText" },
        { "dark", "Info", "InfoContrastText" },
    };

    [Theory]
    [MemberData(nameof(StatusColours))]
    public void StatusColour_ReadsAtWcagAA_AsTextOnTheSurfaceAndUnderItsContrastText(string mode, string colour, string contrastText)
    {
        Palette palette = mode == "light" ? ConsoleTheme.Theme.PaletteLight : ConsoleTheme.Theme.PaletteDark;
        var value = Colour(palette, colour);

        // Outlined and text chips, error figures, links: the colour on the surface.
        AssertReads(value, new MudColor(palette.Surface.ToString()), $"{mode} {colour} on the surface");
        // Filled chips and buttons: the contrast text on the colour.
        AssertReads(Colour(palette, contrastText), value, $"{mode} {contrastText} on {colour}");
        // Text alerts draw their message in the darken shade.
        AssertReads(Colour(palette, colour + "Darken"), new MudColor(palette.Surface.ToString()), $"{mode} {colour}Darken on the surface");
    }

    [Fact]
    public void DarkPalette_SecondaryText_ReadsAtWcagAA_OnTheSurface()
    {
        var palette = ConsoleTheme.Theme.PaletteDark;
        var surface = new MudColor(palette.Surface.ToString());
        var text = new MudColor(palette.TextSecondary.ToString());

        AssertReads(Over(text, surface), surface, "dark secondary text (field labels) on the surface");
    }

    private static MudColor Colour(Palette palette, string property) =>
        new(typeof(Palette).GetProperty(property)!.GetValue(palette)!.ToString()!);

    private static void AssertReads(MudColor text, MudColor background, string what)
    {
        var ratio = ContrastRatio(Over(text, background), background);
        Assert.True(ratio >= 4.5, $"{what}: {text} on {background} is {ratio:F2}:1, below 4.5:1");
    }

    /// <summary>A translucent colour as it shows over an opaque background.</summary>
    private static MudColor Over(MudColor colour, MudColor background)
    {
        var alpha = colour.A / 255.0;
        byte Mix(byte front, byte back) => (byte)Math.Round(front * alpha + back * (1 - alpha));
        return new MudColor(Mix(colour.R, background.R), Mix(colour.G, background.G), Mix(colour.B, background.B), (byte)255);
    }

    // WCAG 2.x relative luminance and contrast ratio.
    private static double ContrastRatio(MudColor a, MudColor b)
    {
        var (lighter, darker) = (Math.Max(Luminance(a), Luminance(b)), Math.Min(Luminance(a), Luminance(b)));
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static double Luminance(MudColor colour)
    {
        static double Channel(byte value)
        {
            var c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(colour.R) + 0.7152 * Channel(colour.G) + 0.0722 * Channel(colour.B);
    }
}
