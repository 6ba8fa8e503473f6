using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Components.Pages.Environments;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components.Pages.Environments;

/// <summary>The environments page with more environments than a page holds: searched and paged, kept in the address.</summary>
[Collection(AppCollection.Name)]
public sealed class EnvironmentsPagingTests : ConsoleTestContext
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    /// <summary>Adds <paramref name="count"/> environments; their names, in the order the list shows them.</summary>
    private async Task<List<string>> AddEnvironmentsAsync(int count, Func<int, string>? name = null)
    {
        var account = await App.DefaultAccountIdAsync();
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            names.Add(name?.Invoke(i) ?? $"ENV{i:000}");
            await Data.AddEnvironmentAsync(account, names[^1]);
        }
        return [.. names.Order(StringComparer.Ordinal)];
    }

    private static List<string> ShownNames(IRenderedComponent<EnvironmentsPage> page) =>
        page.FindAll("#environments-table tbody tr .environment-name").Select(e => e.TextContent).ToList();

    private static string PagerText(IRenderedComponent<EnvironmentsPage> page) => page.Find("#environments-table .mud-table-pagination").TextContent;

    [Fact]
    public async Task List_ShowsOnePageAndTheCountOfAll_WhenThereAreMoreEnvironmentsThanAPageHolds()
    {
        var names = await AddEnvironmentsAsync(60);

        var page = RenderInConsole<EnvironmentsPage>();

        page.WaitForAssertion(() => Assert.Equal(names[..50], ShownNames(page)));
        Assert.Contains("1-50 of 60", PagerText(page));
        Assert.Equal("60 environments", page.Find("#environments-count").TextContent.Trim());
    }

    [Fact]
    public async Task NextPage_ShowsTheRest_AndIsKeptInTheAddress()
    {
        var names = await AddEnvironmentsAsync(60);
        Navigation.NavigateTo("/environments");
        var page = RenderInConsole<EnvironmentsPage>();
        page.WaitForAssertion(() => Assert.Equal(names[..50], ShownNames(page)));

        page.Find("#environments-table button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Assert.Equal(names[50..], ShownNames(page)));
        page.WaitForAssertion(() => Assert.EndsWith("/environments?page=2", Navigation.Uri));
    }

    [Fact]
    public async Task SearchAndPaging_FromTheQueryString_OpenThatPageOfTheMatches()
    {
        var names = await AddEnvironmentsAsync(60, i => i % 2 == 0 ? $"prod-{i:000}" : $"staging-{i:000}");
        Navigation.NavigateTo("/environments?q=PROD&page=2&size=25");

        var page = RenderInConsole<EnvironmentsPage>();

        var prod = names.Where(n => n.StartsWith("prod", StringComparison.Ordinal)).ToList();
        page.WaitForAssertion(() => Assert.Equal(prod[25..], ShownNames(page)));
        Assert.Equal("30 of 60 match", page.Find("#environments-count").TextContent.Trim());
        Assert.Equal("PROD", page.Find("#environment-search").GetAttribute("value"));
    }

    [Fact]
    public async Task Search_GoesBackToTheFirstPage_AndIsKeptInTheAddress()
    {
        var names = await AddEnvironmentsAsync(60, i => i % 2 == 0 ? $"prod-{i:000}" : $"staging-{i:000}");
        Navigation.NavigateTo("/environments?page=2");
        var page = RenderInConsole<EnvironmentsPage>();
        page.WaitForAssertion(() => Assert.Equal(names[50..], ShownNames(page)));

        page.Find("#environment-search").Input("staging");

        page.WaitForAssertion(() => Assert.Equal(names.Where(n => n.StartsWith("staging", StringComparison.Ordinal)), ShownNames(page)));
        Assert.EndsWith("/environments?q=staging", Navigation.Uri);
    }

    [Fact]
    public async Task Search_SaysNothingMatches_WhenNoEnvironmentMatches()
    {
        await AddEnvironmentsAsync(3);
        var page = RenderInConsole<EnvironmentsPage>();
        page.WaitForAssertion(() => Assert.Equal(3, ShownNames(page).Count));

        page.Find("#environment-search").Input("nothing-like-it");

        page.WaitForAssertion(() => Assert.Equal("No environment matches 'nothing-like-it'.", page.Find("#environments-empty").TextContent.Trim()));
    }

    [Fact]
    public async Task Create_TurnsToThePageOfTheNewEnvironment_LeavingASearchItDoesNotMatch()
    {
        await AddEnvironmentsAsync(60);
        Navigation.NavigateTo("/environments?q=ENV00");
        var page = RenderInConsole<EnvironmentsPage>();
        page.WaitForAssertion(() => Assert.Equal(10, ShownNames(page).Count));

        page.Find("#new-environment").Click();
        Host.WaitForElement("#environment-name").Input("ZZ-last");
        Host.Find("#save-environment").Click();

        page.WaitForAssertion(() => Assert.Contains("ZZ-last", ShownNames(page)));
        Assert.EndsWith("/environments?page=2", Navigation.Uri);
        Assert.Equal("ZZ-last", page.Find("#subscriptions-environment").TextContent);
    }
}
