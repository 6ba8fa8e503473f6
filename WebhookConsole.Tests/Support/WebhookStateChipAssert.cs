using AngleSharp.Dom;

namespace WebhookConsole.Tests.Support;

/// <summary>A webhook's Enabled or Disabled chip looks the same on every page: small, green outlined or orange filled.</summary>
public static class WebhookStateChipAssert
{
    public static void ShowsEnabled(IElement container) =>
        AssertChip(container, "Enabled", "mud-chip-outlined", "mud-chip-color-success");

    public static void ShowsDisabled(IElement container) =>
        AssertChip(container, "Disabled", "mud-chip-filled", "mud-chip-color-warning");

    private static void AssertChip(IElement container, string text, string variant, string color)
    {
        var chip = Assert.Single(container.QuerySelectorAll(".mud-chip"), c => c.TextContent.Trim() == text);
        Assert.Contains(variant, chip.ClassList);
        Assert.Contains(color, chip.ClassList);
        Assert.Contains("mud-chip-size-small", chip.ClassList);
    }
}
