using Bunit;
using WebhookConsole.Components.Pages.Deliveries;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components.Pages.Deliveries;

[Collection(AppCollection.Name)]
public sealed class DeliveryStatusChipTests : ConsoleTestContext
{
    [Theory]
    [InlineData(DeliveryStatus.Succeeded)]
    [InlineData(DeliveryStatus.Failed)]
    [InlineData(DeliveryStatus.Retrying)]
    [InlineData(DeliveryStatus.Pending)]
    public void Chip_ShowsAnSvgIcon_ForEveryStatus(DeliveryStatus status)
    {
        var chip = RenderInConsole<DeliveryStatusChip>(p => p.Add(c => c.Status, status));

        var icon = chip.Find(".delivery-status svg");
        Assert.NotEmpty(icon.QuerySelectorAll("path"));
        Assert.DoesNotContain("IconOf", chip.Markup);
    }
}
