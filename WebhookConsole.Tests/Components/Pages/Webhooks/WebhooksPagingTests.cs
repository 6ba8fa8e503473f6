using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Components.Pages.Webhooks;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components.Pages.Webhooks;

/// <summary>The webhooks page at a size where drawing every row would not do: one page at a time, kept in the address.</summary>
[Collection(AppCollection.Name)]
public sealed class WebhooksPagingTests : ConsoleTestContext
{
    private static readonly DateTime Start = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    /// <summary>Adds <paramref name="count"/> webhooks a minute apart; their URLs, newest first as the list shows them.</summary>
    private async Task<List<string>> AddWebhooksAsync(int count, Func<int, string>? host = null)
    {
        var account = await App.DefaultAccountIdAsync();
        var urls = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var url = $"https://{host?.Invoke(i) ?? "crm"}.example.com/hooks/{i:000}";
            var at = Start.AddMinutes(i);
            await Data.AddWebhookAsync(account, url, w => (w.Name, w.CreatedAt, w.UpdatedAt) = ($"Hook {i:000}", at, at));
            urls.Add(url);
        }
        urls.Reverse();
        return urls;
    }

    private static List<string> ShownUrls(IRenderedComponent<WebhooksPage> page) =>
        page.FindAll("#webhooks-table tbody tr .webhook-url").Select(e => e.TextContent).ToList();

    private static string PagerText(IRenderedComponent<WebhooksPage> page) => page.Find("#webhooks-table .mud-table-pagination").TextContent;

    [Fact]
    public async Task List_ShowsOnePageAndTheCountOfAll_WhenThereAreMoreWebhooksThanAPageHolds()
    {
        var newestFirst = await AddWebhooksAsync(60);

        var page = RenderInConsole<WebhooksPage>();

        page.WaitForAssertion(() => Assert.Equal(newestFirst[..50], ShownUrls(page)));
        Assert.Contains("1-50 of 60", PagerText(page));
        Assert.Equal("60 webhooks", page.Find("#webhooks-count").TextContent.Trim());
    }

    [Fact]
    public async Task NextPage_ShowsTheRest_AndIsKeptInTheAddress_AndTheFirstPageLeavesIt()
    {
        var newestFirst = await AddWebhooksAsync(60);
        Navigation.NavigateTo("/webhooks");
        var page = RenderInConsole<WebhooksPage>();
        page.WaitForAssertion(() => Assert.Equal(newestFirst[..50], ShownUrls(page)));

        page.Find("#webhooks-table button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Assert.Equal(newestFirst[50..], ShownUrls(page)));
        page.WaitForAssertion(() => Assert.EndsWith("/webhooks?page=2", Navigation.Uri));
        page.Find("#webhooks-table button[aria-label='First page']").Click();
        page.WaitForAssertion(() => Assert.Equal(newestFirst[..50], ShownUrls(page)));
        page.WaitForAssertion(() => Assert.EndsWith("/webhooks", Navigation.Uri));
    }

    [Fact]
    public async Task Paging_FromTheQueryString_OpensThatPageAtThatSize()
    {
        var newestFirst = await AddWebhooksAsync(60);
        Navigation.NavigateTo("/webhooks?page=2&size=25");

        var page = RenderInConsole<WebhooksPage>();

        page.WaitForAssertion(() => Assert.Equal(newestFirst[25..50], ShownUrls(page)));
        Assert.Contains("26-50 of 60", PagerText(page));
    }

    [Fact]
    public async Task RowsPerPage_ChosenInThePager_IsKeptInTheAddress()
    {
        var newestFirst = await AddWebhooksAsync(30);
        Navigation.NavigateTo("/webhooks?size=25&page=2");
        var page = RenderInConsole<WebhooksPage>();
        page.WaitForAssertion(() => Assert.Equal(newestFirst[25..], ShownUrls(page)));

        page.Find("#webhooks-table .mud-table-pagination-select").MouseDown();
        Host.WaitForElements(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "50").Click();

        page.WaitForAssertion(() => Assert.Equal(newestFirst, ShownUrls(page)));
        page.WaitForAssertion(() => Assert.EndsWith("/webhooks", Navigation.Uri));
    }

    [Theory]
    [InlineData("page=-3&size=9999", 0, 200, "size=200")]
    [InlineData("page=abc&size=abc", 0, 50, "")]
    [InlineData("page=0&size=0", 0, 25, "size=25")]
    [InlineData("page=99&size=25", 50, 25, "page=3&size=25")]
    [InlineData("page=99999999999999999999999&size=99999999999999999999", 0, 200, "size=200")]
    public async Task Paging_ByHandInTheAddress_IsClampedToThePagesThatExist(string query, int firstShown, int size, string kept)
    {
        var newestFirst = await AddWebhooksAsync(60);
        Navigation.NavigateTo("/webhooks?" + query);

        var page = RenderInConsole<WebhooksPage>();

        page.WaitForAssertion(() => Assert.Equal(newestFirst.Skip(firstShown).Take(size), ShownUrls(page)));
        page.WaitForAssertion(() => Assert.EndsWith("/webhooks" + (kept == "" ? "" : "?" + kept), Navigation.Uri));
    }

    [Fact]
    public async Task Search_GoesBackToTheFirstPage_AndCountsWhatMatches()
    {
        var newestFirst = await AddWebhooksAsync(60, i => i % 2 == 0 ? "crm" : "billing");
        Navigation.NavigateTo("/webhooks?page=2&size=25");
        var page = RenderInConsole<WebhooksPage>();
        page.WaitForAssertion(() => Assert.Equal(newestFirst[25..50], ShownUrls(page)));

        page.Find("#webhook-search").Input("billing");

        var billing = newestFirst.Where(u => u.Contains("billing")).ToList();
        page.WaitForAssertion(() => Assert.Equal(billing[..25], ShownUrls(page)));
        Assert.EndsWith("/webhooks?size=25&q=billing", Navigation.Uri);
        Assert.Equal("30 of 60 match", page.Find("#webhooks-count").TextContent.Trim());
        Assert.Contains("1-25 of 30", PagerText(page));
    }

    [Fact]
    public async Task Filters_FromTheQueryString_ApplyBeforeThePageIsTaken()
    {
        var newestFirst = await AddWebhooksAsync(60, i => i % 2 == 0 ? "crm" : "billing");
        Navigation.NavigateTo("/webhooks?q=crm&page=2&size=25");

        var page = RenderInConsole<WebhooksPage>();

        var crm = newestFirst.Where(u => u.Contains("crm")).ToList();
        page.WaitForAssertion(() => Assert.Equal(crm[25..], ShownUrls(page)));
        Assert.Equal("30 of 60 match", page.Find("#webhooks-count").TextContent.Trim());
    }

    [Fact]
    public async Task MenuLink_WithoutPaging_GoesBackToTheFirstPageAtTheDefaultSize()
    {
        var newestFirst = await AddWebhooksAsync(60);
        Navigation.NavigateTo("/webhooks?page=3&size=25");
        var page = RenderInConsole<WebhooksPage>();
        page.WaitForAssertion(() => Assert.Equal(newestFirst[50..], ShownUrls(page)));

        Navigation.NavigateTo("/webhooks");

        page.WaitForAssertion(() => Assert.Equal(newestFirst[..50], ShownUrls(page)));
        Assert.EndsWith("/webhooks", Navigation.Uri);
    }

    [Fact]
    public async Task Delete_OfTheLastRowOfTheLastPage_ShowsThePageBefore()
    {
        var newestFirst = await AddWebhooksAsync(26);
        Navigation.NavigateTo("/webhooks?page=2&size=25");
        var page = RenderInConsole<WebhooksPage>();
        page.WaitForAssertion(() => Assert.Equal(newestFirst[25..], ShownUrls(page)));

        page.Find("button[aria-label^='Delete webhook ']").Click();
        Host.WaitForElement("#confirm-yes").Click();

        page.WaitForAssertion(() => Assert.Equal(newestFirst[..25], ShownUrls(page)));
        page.WaitForAssertion(() => Assert.EndsWith("/webhooks?size=25", Navigation.Uri));
        Assert.Equal("25 webhooks", page.Find("#webhooks-count").TextContent.Trim());
    }
}
