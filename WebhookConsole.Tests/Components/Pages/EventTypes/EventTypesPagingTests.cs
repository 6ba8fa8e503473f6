using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Api;
using WebhookConsole.Components.Pages.EventTypes;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components.Pages.EventTypes;

/// <summary>The catalogue with more types than a page holds: searched and paged, kept in the address.</summary>
[Collection(AppCollection.Name)]
public sealed class EventTypesPagingTests : ConsoleTestContext
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private EventTypeEditor Editor => App.Services.GetRequiredService<EventTypeEditor>();

    /// <summary>Adds custom types to the seeded ones; every name, in the order the list shows them.</summary>
    private async Task<List<string>> AddTypesAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.NotNull(await Editor.CreateAsync(new EventTypeInput($"custom.event_{i:000}", $"Custom event {i}", "{}"), new FieldErrors(), CancellationToken.None));
        }
        return [.. (await Editor.ListAsync(CancellationToken.None)).Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase).ThenBy(n => n, StringComparer.Ordinal)];
    }

    private static List<string> ShownNames(IRenderedComponent<EventTypesPage> page) =>
        page.FindAll("#event-types-table tbody tr .event-type-name").Select(c => c.TextContent).ToList();

    [Fact]
    public async Task List_ShowsOnePageAndTheCountOfAll_WhenTheCatalogueIsLong()
    {
        var names = await AddTypesAsync(40);

        var page = RenderInConsole<EventTypesPage>();

        page.WaitForAssertion(() => Assert.Equal(names[..50], ShownNames(page)));
        Assert.Contains($"1-50 of {names.Count}", page.Find("#event-types-table .mud-table-pagination").TextContent);
        Assert.Equal($"{names.Count} event types", page.Find("#event-types-count").TextContent.Trim());
    }

    [Fact]
    public async Task SearchAndPaging_FromTheQueryString_OpenThatPageOfTheMatches()
    {
        var names = await AddTypesAsync(40);
        Navigation.NavigateTo("/event-types?q=custom.event&page=2&size=25");

        var page = RenderInConsole<EventTypesPage>();

        var custom = names.Where(n => n.StartsWith("custom.event", StringComparison.Ordinal)).ToList();
        page.WaitForAssertion(() => Assert.Equal(custom[25..], ShownNames(page)));
        Assert.Equal($"40 of {names.Count} match", page.Find("#event-types-count").TextContent.Trim());
    }

    [Fact]
    public async Task SearchAndNextPage_AreKeptInTheAddress()
    {
        var names = await AddTypesAsync(40);
        Navigation.NavigateTo("/event-types");
        var page = RenderInConsole<EventTypesPage>();
        page.WaitForAssertion(() => Assert.Equal(names[..50], ShownNames(page)));

        page.Find("#event-types-table button[aria-label='Next page']").Click();
        page.WaitForAssertion(() => Assert.Equal(names[50..], ShownNames(page)));
        page.WaitForAssertion(() => Assert.EndsWith("/event-types?page=2", Navigation.Uri));

        page.Find("#event-type-search").Input("custom.event_01");
        page.WaitForAssertion(() => Assert.Equal(names.Where(n => n.StartsWith("custom.event_01", StringComparison.Ordinal)), ShownNames(page)));
        Assert.EndsWith("/event-types?q=custom.event_01", Navigation.Uri);
    }

    [Fact]
    public async Task Add_TurnsToThePageOfTheNewType_LeavingASearchItDoesNotMatch()
    {
        await AddTypesAsync(40);
        Navigation.NavigateTo("/event-types?q=custom.event_00");
        var page = RenderInConsole<EventTypesPage>();
        page.WaitForAssertion(() => Assert.Equal(10, ShownNames(page).Count));

        page.Find("#new-event-type").Click();
        Host.WaitForElement("#event-type-name").Change("zz.last");
        Host.Find("#save-event-type").Click();

        page.WaitForAssertion(() => Assert.Equal("zz.last", ShownNames(page)[^1]));
        Assert.EndsWith("/event-types?page=2", Navigation.Uri);
    }
}
