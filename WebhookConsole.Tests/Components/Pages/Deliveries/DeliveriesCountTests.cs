using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Components.Pages.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components.Pages.Deliveries;

/// <summary>
/// The history's pager counts the matching deliveries up to <see cref="DeliveriesPage.CountLimit"/> and says "more than"
/// past it, so a page of a long history costs a page, not a count of every delivery; its next pages stay open.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DeliveriesCountTests : ConsoleTestContext
{
    private static readonly DateTime Start = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private string PagerText(IRenderedComponent<DeliveriesPage> page) => page.Find("#deliveries-grid .mud-table-pagination").TextContent;

    private async Task AddDeliveriesAsync(int count)
    {
        var accountId = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(accountId, "https://crm.example/hook");
        await Data.AddFinishedDeliveriesAsync(accountId, webhook.Id, Start, count);
    }

    [Fact]
    public async Task Pager_SaysMoreThanTheLimit_AndKeepsTheNextPageOpen_WhenMoreDeliveriesMatch()
    {
        await AddDeliveriesAsync(DeliveriesPage.CountLimit + 1);
        var page = RenderInConsole<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.Contains("1-50 of more than 10,000", PagerText(page)));

        page.Find("#deliveries-grid button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Assert.Contains("51-100 of more than 10,000", PagerText(page)));
    }

    [Fact]
    public async Task Pager_CountsExactly_WhenNoMoreThanTheLimitMatch()
    {
        await AddDeliveriesAsync(DeliveriesPage.CountLimit);

        var page = RenderInConsole<DeliveriesPage>();

        page.WaitForAssertion(() => Assert.Contains("1-50 of 10000", PagerText(page).Replace(",", "")));
        Assert.DoesNotContain("more than", PagerText(page));
    }

    [Fact]
    public async Task Paging_FromTheQueryString_OpensAPageBeyondTheLimit_AndCountsThroughIt()
    {
        await AddDeliveriesAsync(DeliveriesPage.CountLimit + 60);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/deliveries?page=202");

        var page = RenderInConsole<DeliveriesPage>();

        page.WaitForAssertion(() => Assert.Equal(10, page.FindAll("#deliveries-grid .delivery-link").Count));
        Assert.Contains("10051-10060 of 10060", PagerText(page).Replace(",", ""));
    }

    [Fact]
    public async Task Paging_FromTheQueryString_PastTheEnd_OpensTheLastPage_WhenTheHistoryIsLong()
    {
        await AddDeliveriesAsync(DeliveriesPage.CountLimit + 60);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/deliveries?page=500");

        var page = RenderInConsole<DeliveriesPage>();

        page.WaitForAssertion(() => Assert.EndsWith("/deliveries?page=202", navigation.Uri));
        page.WaitForAssertion(() => Assert.Equal(10, page.FindAll("#deliveries-grid .delivery-link").Count));
    }
}
