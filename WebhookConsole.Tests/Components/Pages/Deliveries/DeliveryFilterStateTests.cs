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
}
