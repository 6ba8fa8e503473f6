using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Api;
using WebhookConsole.Components.Pages.EventTypes;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components.Pages.EventTypes;

[Collection(AppCollection.Name)]
public sealed class EventTypesPageTests : ConsoleTestContext
{
    private static List<string> ShownNames(IRenderedComponent<EventTypesPage> page) =>
        page.FindAll("#event-types-table tbody tr td:first-child code").Select(c => c.TextContent).ToList();

    private async Task AddTypeAsync(string name)
    {
        var errors = new FieldErrors();
        var type = await App.Services.GetRequiredService<EventTypeEditor>().CreateAsync(new EventTypeInput(name, "", "{}"), errors, CancellationToken.None);
        Assert.NotNull(type);
    }

    [Fact]
    public async Task Table_ListsTypesByNameIgnoringCase_WhateverTheOrderTheyWereAdded()
    {
        await AddTypeAsync("zz.custom");
        await AddTypeAsync("Aa.custom");
        await AddTypeAsync("aB.custom");

        var page = RenderInConsole<EventTypesPage>();

        page.WaitForAssertion(() => Assert.Contains("zz.custom", ShownNames(page)));
        var names = ShownNames(page);
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
        Assert.Equal(["Aa.custom", "aB.custom"], names.Where(n => n.EndsWith(".custom", StringComparison.Ordinal)).Take(2));
    }

    [Fact]
    public void Search_SaysNothingMatches_WhenNoTypeMatches()
    {
        var page = RenderInConsole<EventTypesPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(ShownNames(page)));

        page.Find("#event-type-search").Input("no-such-event");

        page.WaitForAssertion(() => Assert.Equal("No event type matches 'no-such-event'.", page.Find("#event-types-empty").TextContent.Trim()));
        Assert.Empty(ShownNames(page));
    }

    [Fact]
    public void Search_SitsInAFilterRow_NotInTheTitleRow()
    {
        var page = RenderInConsole<EventTypesPage>();

        var titleRow = page.WaitForElement("#new-event-type").ParentElement!;
        while (titleRow.QuerySelector("h1") is null)
        {
            titleRow = titleRow.ParentElement!;
        }

        Assert.Null(titleRow.QuerySelector("#event-type-search"));
        Assert.NotNull(page.Find("#event-type-search"));
    }

    [Fact]
    public async Task Create_ShowsTheFaultOnTheField_WhenNameHoldsAControlCharacter()
    {
        var page = RenderInConsole<EventTypesPage>();
        page.WaitForElement("#new-event-type").Click();

        Host.WaitForElement("#event-type-name").Change("call.\u0007parked");
        Host.Find("#save-event-type").Click();

        Host.WaitForAssertion(() => Assert.Contains("Name cannot contain line breaks or control characters.",
            Host.Find("#event-type-name").Closest(".mud-input-control")!.TextContent));
        Assert.DoesNotContain(await App.Services.GetRequiredService<EventTypeEditor>().ListAsync(CancellationToken.None), t => t.Name.Contains("parked"));
    }

    [Fact]
    public async Task Create_ShowsTheFaultOnTheSample_WhenItNestsDeeperThan32Levels()
    {
        var page = RenderInConsole<EventTypesPage>();
        page.WaitForElement("#new-event-type").Click();

        Host.WaitForElement("#event-type-name").Change("call.deep");
        Host.Find("#event-type-sample").Change(string.Concat(Enumerable.Repeat("{\"a\": ", 40)) + "{}" + new string('}', 40));
        Host.Find("#save-event-type").Click();

        Host.WaitForAssertion(() => Assert.Contains("it nests deeper than 32 levels",
            Host.Find("#event-type-sample").Closest(".mud-input-control")!.TextContent));
        Assert.DoesNotContain(await App.Services.GetRequiredService<EventTypeEditor>().ListAsync(CancellationToken.None), t => t.Name == "call.deep");
    }

    [Fact]
    public void RowButtons_NameTheirEventType()
    {
        var page = RenderInConsole<EventTypesPage>();

        page.WaitForAssertion(() => Assert.Equal(
            ["Sample payload of event type Call:Ringing", "Edit event type Call:Ringing", "Delete event type Call:Ringing"],
            page.FindAll("#event-types-table tbody tr").Single(r => r.QuerySelector("code")?.TextContent == "Call:Ringing")
                .QuerySelectorAll("button").Select(b => b.GetAttribute("aria-label"))));
    }
}
