using System.Text.RegularExpressions;
using AngleSharp.Dom;
using MudBlazor;

namespace WebhookConsole.Tests.Support;

/// <summary>The Re-enable action looks the same on every page: a small outlined warning button with the power icon.</summary>
public static partial class ReEnableButtonAssert
{
    public static void LooksStandard(IElement button)
    {
        Assert.Equal("BUTTON", button.TagName);
        Assert.Equal("Re-enable", button.TextContent.Trim());
        Assert.Contains("mud-button-outlined", button.ClassList);
        Assert.Contains("mud-button-outlined-warning", button.ClassList);
        Assert.Contains("mud-button-outlined-size-small", button.ClassList);
        var icon = button.QuerySelector(".mud-button-icon-start svg");
        Assert.NotNull(icon);
        Assert.Contains(PathData().Match(Icons.Material.Filled.PowerSettingsNew).Groups[1].Value, icon.InnerHtml);
    }

    [GeneratedRegex("d=\"([^\"]+)\"")]
    private static partial Regex PathData();
}
