using WebhookConsole.Components.Pages.Deliveries;
using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Tests.Components.Pages.Deliveries;

public sealed class DeliveryFilterStateTests
{
    [Theory]
    [InlineData("failed", DeliveryStatus.Failed)]
    [InlineData("Retrying", DeliveryStatus.Retrying)]
    [InlineData("retrying,succeeded", null)]
    [InlineData("pending, failed", null)]
    [InlineData("3", null)]
    [InlineData(" failed", null)]
    [InlineData("exploded", null)]
    public void Parse_TakesOneStatusByName_WhenTheQueryNamesOne(string status, DeliveryStatus? expected)
    {
        var state = DeliveryFilterState.Parse(null, null, null, status, null, null, null);

        Assert.Equal(expected, state.Status);
    }

    [Theory]
    [InlineData("only", true, "only")]
    [InlineData("none", false, "none")]
    [InlineData("all", null, null)]
    [InlineData(null, null, null)]
    [InlineData("true", null, null)]
    [InlineData("Only", null, null)]
    public void Parse_TakesTheTestSendChoiceByName_AndTheQueryKeepsItUnlessAll(string? test, bool? expected, string? kept)
    {
        var state = DeliveryFilterState.Parse(null, null, null, null, null, null, null, test);

        Assert.Equal(expected, state.Test);
        Assert.Equal(expected, state.ToFilter().Test);
        Assert.Equal(kept, state.ToQuery()["test"]);
        Assert.Equal(expected is not null, state.Any);
    }
}
