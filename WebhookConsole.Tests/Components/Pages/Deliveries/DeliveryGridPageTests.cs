using WebhookConsole.Components.Pages.Deliveries;
using WebhookConsole.Data.Paging;
using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Tests.Components.Pages.Deliveries;

/// <summary>The grid page's count as live changes patch the first page: an exact one follows them, "more than" stays so.</summary>
public sealed class DeliveryGridPageTests
{
    private static readonly DateTime Start = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static DeliveryRow Row(int second) => new(Guid.CreateVersion7(), Start.AddSeconds(second), "Call:Hangup", "evt", "ITD2024",
        Guid.Empty, null, null, DeliveryStatus.Failed, 1, 500, null, null, null, false, false);

    [Theory]
    [InlineData(false, 3, 4)]
    [InlineData(true, 3, 4)]
    public void Patch_CountsANewDelivery_OnlyWhenTheCountIsExact(bool more, int counted, int exactAfter)
    {
        var page = new DeliveryGridPage(2);
        var shown = new[] { Row(2), Row(1) };
        var data = page.Loaded(0, shown, null, new BoundedCount(counted, more));
        var fresh = Row(3);

        page.Patch([fresh.Id], [fresh]);

        Assert.Equal(more ? new BoundedCount(counted, true) : new BoundedCount(exactAfter, false), page.Total);
        Assert.Equal(page.Total.PagerTotal, data.TotalItems);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Patch_UncountsADeliveryThatLeft_OnlyWhenTheCountIsExact(bool more)
    {
        var page = new DeliveryGridPage(2);
        var shown = new[] { Row(2), Row(1) };
        var data = page.Loaded(0, shown, null, new BoundedCount(5, more));

        page.Patch([shown[0].Id], []);

        Assert.Equal(new BoundedCount(more ? 5 : 4, more), page.Total);
        Assert.Equal(page.Total.PagerTotal, data.TotalItems);
    }
}
