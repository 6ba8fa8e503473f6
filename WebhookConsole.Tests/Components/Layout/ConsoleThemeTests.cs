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
}
