using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using WebhookConsole.Components.Pages.Deliveries;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components.Pages.Deliveries;

[Collection(AppCollection.Name)]
public sealed class DeliveriesPageTests : ConsoleTestContext
{
    private static readonly DateTime Start = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static List<string> ShownIds(IRenderedComponent<DeliveriesPage> page) =>
        page.FindAll("#deliveries-grid .delivery-link").Select(a => a.GetAttribute("data-delivery")!).ToList();

    /// <summary><paramref name="count"/> deliveries a second apart; their ids newest first, as the history lists them.</summary>
    private async Task<List<string>> AddDeliveriesAsync(int count)
    {
        var accountId = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(accountId, "https://crm.example/hook");
        var all = new List<Delivery>();
        for (var i = 0; i < count; i++)
        {
            all.Add(await Data.AddFinishedDeliveryAsync(accountId, webhook.Id, Start.AddSeconds(i)));
        }
        return all.OrderByDescending(d => d.CreatedAt).Select(d => d.Id.ToString()).ToList();
    }

    [Fact]
    public async Task Grid_ShowsNewestFirstWithColumns()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(accountId, "https://crm.example/hook", w => w.Name = "CRM");
        var older = await Data.AddFinishedDeliveryAsync(accountId, webhook.Id, Start, DeliveryStatus.Succeeded);
        var newer = await Data.AddFinishedDeliveryAsync(accountId, webhook.Id, Start.AddMinutes(1), DeliveryStatus.Failed);

        var page = RenderInConsole<DeliveriesPage>();

        page.WaitForAssertion(() => Assert.Equal([newer.Id.ToString(), older.Id.ToString()], ShownIds(page)));
        var grid = page.Find("#deliveries-grid").TextContent;
        Assert.Contains("CRM", grid);
        Assert.Contains("https://crm.example/hook", grid);
        Assert.Contains("Call:Hangup", grid);
        Assert.Contains("ITD2024", grid);
        Assert.Equal(["failed", "succeeded"], page.FindAll(".delivery-status").Select(c => c.GetAttribute("data-status")!));
        Assert.Contains("500", page.FindAll(".delivery-code")[0].TextContent);
    }

    [Fact]
    public async Task Filters_FromTheQueryString_ReachTheQuery()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var crm = await Data.AddWebhookAsync(accountId, "https://crm.example/hook");
        var billing = await Data.AddWebhookAsync(accountId, "https://billing.example/hook");
        var wanted = await Data.AddFinishedDeliveryAsync(accountId, crm.Id, Start, DeliveryStatus.Failed);
        await Data.AddFinishedDeliveryAsync(accountId, crm.Id, Start.AddMinutes(1), DeliveryStatus.Succeeded);
        await Data.AddFinishedDeliveryAsync(accountId, billing.Id, Start.AddMinutes(2), DeliveryStatus.Failed);
        await Data.AddFinishedDeliveryAsync(accountId, crm.Id, Start.AddDays(-2), DeliveryStatus.Failed);
        Services.GetRequiredService<NavigationManager>().NavigateTo(
            $"/deliveries?webhook={crm.Id}&status=failed&since=2026-03-01T00:00&until=2026-03-02T00:00");

        var page = RenderInConsole<DeliveriesPage>();

        page.WaitForAssertion(() => Assert.Equal([wanted.Id.ToString()], ShownIds(page)));
    }

    [Fact]
    public async Task EventIdFilter_FindsTheDeliveriesOfEventsStartingWithTheText()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(accountId, "https://crm.example/hook");
        var wanted = await Data.AddFinishedDeliveryAsync(accountId, webhook.Id, Start);
        await Data.AddFinishedDeliveryAsync(accountId, webhook.Id, Start.AddMinutes(1));
        var eventId = (await App.Services.GetRequiredService<DeliveryQueryService>().DetailAsync(accountId, wanted.Id, CancellationToken.None))!.View.EventId;
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/deliveries?q={eventId[..^1]}");

        var page = RenderInConsole<DeliveriesPage>();

        page.WaitForAssertion(() => Assert.Equal([wanted.Id.ToString()], ShownIds(page)));
    }

    [Fact]
    public async Task NextPage_ShowsTheOlderDeliveries()
    {
        var newestFirst = await AddDeliveriesAsync(60);
        var page = RenderInConsole<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.Equal(newestFirst[..50], ShownIds(page)));

        page.Find("#deliveries-grid button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Assert.Equal(newestFirst[50..], ShownIds(page)));
    }

    [Fact]
    public async Task Paging_FromTheQueryString_OpensThatPageAtThatSize()
    {
        var newestFirst = await AddDeliveriesAsync(60);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/deliveries?page=2&size=25");

        var page = RenderInConsole<DeliveriesPage>();

        page.WaitForAssertion(() => Assert.Equal(newestFirst[25..50], ShownIds(page)));
        Assert.Contains("26-50 of 60", page.Find("#deliveries-grid .mud-table-pagination").TextContent);
    }

    [Fact]
    public async Task NextPage_IsKeptInTheAddress_AndTheFirstPageLeavesIt()
    {
        var newestFirst = await AddDeliveriesAsync(60);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/deliveries");
        var page = RenderInConsole<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.Equal(newestFirst[..50], ShownIds(page)));

        page.Find("#deliveries-grid button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Assert.Equal(newestFirst[50..], ShownIds(page)));
        page.WaitForAssertion(() => Assert.EndsWith("/deliveries?page=2", navigation.Uri));
        page.Find("#deliveries-grid button[aria-label='First page']").Click();
        page.WaitForAssertion(() => Assert.Equal(newestFirst[..50], ShownIds(page)));
        page.WaitForAssertion(() => Assert.EndsWith("/deliveries", navigation.Uri));
    }

    [Theory]
    [InlineData("page=-3&size=9999", 0, 200, "size=200")]
    [InlineData("page=abc&size=abc", 0, 50, "")]
    [InlineData("page=0&size=0", 0, 25, "size=25")]
    [InlineData("page=99&size=25", 50, 25, "page=3&size=25")]
    [InlineData("page=99999999999999999999999&size=99999999999999999999", 0, 200, "size=200")]
    public async Task Paging_ByHandInTheAddress_IsClampedToThePagesThatExist(string query, int firstShown, int size, string kept)
    {
        var newestFirst = await AddDeliveriesAsync(60);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/deliveries?" + query);

        var page = RenderInConsole<DeliveriesPage>();

        page.WaitForAssertion(() => Assert.Equal(newestFirst.Skip(firstShown).Take(size), ShownIds(page)));
        page.WaitForAssertion(() => Assert.EndsWith("/deliveries" + (kept == "" ? "" : "?" + kept), navigation.Uri));
    }

    [Fact]
    public async Task FilterChange_GoesBackToTheFirstPage()
    {
        var newestFirst = await AddDeliveriesAsync(60);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/deliveries?page=2");
        var page = RenderInConsole<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.Equal(newestFirst[50..], ShownIds(page)));

        page.Find("#filter-event-id").Input("evt-");

        page.WaitForAssertion(() => Assert.Equal(newestFirst[..50], ShownIds(page)), TimeSpan.FromSeconds(5));
        Assert.EndsWith("/deliveries?q=evt-", navigation.Uri);
    }

    [Fact]
    public async Task MenuLink_WithoutPaging_GoesBackToTheFirstPageAtTheDefaultSize()
    {
        var newestFirst = await AddDeliveriesAsync(60);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/deliveries?page=3&size=25");
        var page = RenderInConsole<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.Equal(newestFirst[50..], ShownIds(page)));

        navigation.NavigateTo("/deliveries");

        page.WaitForAssertion(() => Assert.Equal(newestFirst[..50], ShownIds(page)));
        Assert.EndsWith("/deliveries", navigation.Uri);
    }

    [Fact]
    public async Task NewDelivery_AppearsOnTopWithoutReload_WhenPublished()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(accountId, "https://crm.example/hook");
        var old = await Data.AddFinishedDeliveryAsync(accountId, webhook.Id, Start);
        var page = RenderInConsole<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.Equal([old.Id.ToString()], ShownIds(page)));

        var fresh = await Data.AddFinishedDeliveryAsync(accountId, webhook.Id, Start.AddMinutes(5), DeliveryStatus.Succeeded);
        App.Services.GetRequiredService<DeliveryChanges>().Publish(fresh.Id);

        page.WaitForAssertion(() => Assert.Equal([fresh.Id.ToString(), old.Id.ToString()], ShownIds(page)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Page_ReloadsWhatItShows_WhenManyDeliveriesChangedOnAnotherNode()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(accountId, "https://crm.example/hook");
        var old = await Data.AddFinishedDeliveryAsync(accountId, webhook.Id, Start);
        var page = RenderInConsole<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.Equal([old.Id.ToString()], ShownIds(page)));

        // Stored by another node, which could not name them all: only "many changed" arrives here.
        var fresh = await Data.AddFinishedDeliveryAsync(accountId, webhook.Id, Start.AddMinutes(5), DeliveryStatus.Succeeded);
        App.Services.GetRequiredService<DeliveryChanges>().PublishManyFromOtherNode();

        page.WaitForAssertion(() => Assert.Equal([fresh.Id.ToString(), old.Id.ToString()], ShownIds(page)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ReplayFailed_AsksWithTheCountOfMatchingFailedDeliveries()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var crm = await Data.AddWebhookAsync(accountId, "https://crm.example/hook");
        var billing = await Data.AddWebhookAsync(accountId, "https://billing.example/hook");
        for (var i = 0; i < 3; i++)
        {
            await Data.AddFinishedDeliveryAsync(accountId, crm.Id, Start.AddMinutes(i), DeliveryStatus.Failed);
        }
        await Data.AddFinishedDeliveryAsync(accountId, crm.Id, Start.AddMinutes(5), DeliveryStatus.Succeeded);
        await Data.AddFinishedDeliveryAsync(accountId, billing.Id, Start.AddMinutes(6), DeliveryStatus.Failed);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/deliveries?webhook={crm.Id}");
        var page = RenderInConsole<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.Equal(4, ShownIds(page).Count));

        page.Find("#replay-failed").Click();

        Host.WaitForAssertion(() => Assert.Contains("Replay 3 failed deliveries", Host.Find(".mud-dialog").TextContent));
        Assert.Equal(5, await Data.CountAsync<Delivery>());
        Host.Find("#confirm-yes").Click();
        page.WaitForAssertion(() => Assert.Equal(7, ShownIds(page).Count), TimeSpan.FromSeconds(10));
        Assert.Equal(8, await Data.CountAsync<Delivery>());
    }

    [Fact]
    public async Task ReplayFailed_WarnsOfTheDeliveriesOfDisabledWebhooks_BeforeReplaying()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var crm = await Data.AddWebhookAsync(accountId, "https://crm.example/hook", w => w.Name = "CRM");
        var billing = await Data.AddWebhookAsync(accountId, "https://billing.example/hook", w => (w.Name, w.Enabled) = ("Billing", false));
        await Data.AddFinishedDeliveryAsync(accountId, crm.Id, Start, DeliveryStatus.Failed);
        await Data.AddFinishedDeliveryAsync(accountId, billing.Id, Start.AddMinutes(1), DeliveryStatus.Failed);
        await Data.AddFinishedDeliveryAsync(accountId, billing.Id, Start.AddMinutes(2), DeliveryStatus.Failed);
        var page = RenderInConsole<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.Equal(3, ShownIds(page).Count));

        page.Find("#replay-failed").Click();

        Host.WaitForAssertion(() => Assert.Contains("Replay 3 failed deliveries", Host.Find(".mud-dialog").TextContent));
        Assert.Contains("2 of them are for disabled webhook 'Billing'", Host.Find(".mud-dialog").TextContent);
        Assert.Contains("unless the webhook is re-enabled first", Host.Find(".mud-dialog").TextContent);
    }

    [Fact]
    public async Task ReplayFailed_CountsTestSendsApart_WhenADisabledWebhookHasFailedTestSends()
    {
        // A test send goes out even to a disabled webhook, so only the others fail again at once.
        var accountId = await App.DefaultAccountIdAsync();
        var crm = await Data.AddWebhookAsync(accountId, "https://crm.example/hook", w => w.Name = "CRM");
        var billing = await Data.AddWebhookAsync(accountId, "https://billing.example/hook", w => (w.Name, w.Enabled) = ("Billing", false));
        await Data.AddFinishedDeliveryAsync(accountId, crm.Id, Start, DeliveryStatus.Failed);
        await Data.AddFinishedDeliveryAsync(accountId, billing.Id, Start.AddMinutes(1), DeliveryStatus.Failed);
        await Data.AddFinishedDeliveryAsync(accountId, billing.Id, Start.AddMinutes(2), DeliveryStatus.Failed);
        await Data.AddFinishedDeliveryAsync(accountId, billing.Id, Start.AddMinutes(3), DeliveryStatus.Failed, isTest: true);
        var page = RenderInConsole<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.Equal(4, ShownIds(page).Count));

        page.Find("#replay-failed").Click();

        Host.WaitForAssertion(() => Assert.Contains("Replay 4 failed deliveries", Host.Find(".mud-dialog").TextContent));
        var question = Host.Find(".mud-dialog").TextContent;
        Assert.Contains("1 of them is a test send", question);
        Assert.Contains("2 of the others are for disabled webhook 'Billing'", question);
        Assert.DoesNotContain("3 of", question);
    }

    [Fact]
    public async Task ReplayFailed_DoesNotWarn_WhenADisabledWebhooksOnlyFailuresAreTestSends()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var billing = await Data.AddWebhookAsync(accountId, "https://billing.example/hook", w => (w.Name, w.Enabled) = ("Billing", false));
        await Data.AddFinishedDeliveryAsync(accountId, billing.Id, Start, DeliveryStatus.Failed, isTest: true);
        var page = RenderInConsole<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.Single(ShownIds(page)));

        page.Find("#replay-failed").Click();

        Host.WaitForAssertion(() => Assert.Contains("Replay 1 failed delivery", Host.Find(".mud-dialog").TextContent));
        var question = Host.Find(".mud-dialog").TextContent;
        Assert.Contains("It is a test send", question);
        Assert.DoesNotContain("fail again at once", question);
    }

    [Fact]
    public async Task TestSendsFilter_FromTheQueryString_ReachesTheListTheCountAndTheReplay()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var crm = await Data.AddWebhookAsync(accountId, "https://crm.example/hook", w => w.Name = "CRM");
        var real = await Data.AddFinishedDeliveryAsync(accountId, crm.Id, Start, DeliveryStatus.Failed);
        var test = await Data.AddFinishedDeliveryAsync(accountId, crm.Id, Start.AddMinutes(1), DeliveryStatus.Failed, isTest: true);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/deliveries?test=none");
        var page = RenderInConsole<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.Equal([real.Id.ToString()], ShownIds(page)));
        Assert.Equal("none", page.FindComponents<MudSelect<string>>().Single(s => s.Instance.UserAttributes.GetValueOrDefault("id") as string == "filter-test").Instance.GetState(x => x.Value));

        page.Find("#replay-failed").Click();

        Host.WaitForAssertion(() => Assert.Contains("Replay 1 failed delivery", Host.Find(".mud-dialog").TextContent));
        Assert.DoesNotContain("test send", Host.Find(".mud-dialog").TextContent);
        Host.Find("#confirm-yes").Click();
        page.WaitForAssertion(() => Assert.Equal(2, ShownIds(page).Count), TimeSpan.FromSeconds(10));
        Assert.Equal(3, await Data.CountAsync<Delivery>());
        Assert.DoesNotContain(test.Id.ToString(), ShownIds(page));
    }

    [Theory]
    [InlineData("only", "test=only")]
    [InlineData("none", "test=none")]
    [InlineData("all", "")]
    public async Task TestSendsFilter_Choice_ShowsItsDeliveriesAndIsKeptInTheAddress(string choice, string kept)
    {
        var accountId = await App.DefaultAccountIdAsync();
        var crm = await Data.AddWebhookAsync(accountId, "https://crm.example/hook");
        var real = await Data.AddFinishedDeliveryAsync(accountId, crm.Id, Start);
        var test = await Data.AddFinishedDeliveryAsync(accountId, crm.Id, Start.AddMinutes(1), isTest: true);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(choice == "all" ? "/deliveries?test=none" : "/deliveries");
        var page = RenderInConsole<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(ShownIds(page)));
        var select = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.UserAttributes.GetValueOrDefault("id") as string == "filter-test");

        await select.InvokeAsync(() => select.Instance.SelectOption(choice));

        List<string> expected = choice switch
        {
            "only" => [test.Id.ToString()],
            "none" => [real.Id.ToString()],
            _ => [test.Id.ToString(), real.Id.ToString()],
        };
        page.WaitForAssertion(() => Assert.Equal(expected, ShownIds(page)));
        Assert.EndsWith("/deliveries" + (kept == "" ? "" : "?" + kept), navigation.Uri);
    }

    [Fact]
    public async Task ReplayFailed_DoesNotWarn_WhenTheFilteredWebhookIsEnabled()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var crm = await Data.AddWebhookAsync(accountId, "https://crm.example/hook", w => w.Name = "CRM");
        var billing = await Data.AddWebhookAsync(accountId, "https://billing.example/hook", w => (w.Name, w.Enabled) = ("Billing", false));
        await Data.AddFinishedDeliveryAsync(accountId, crm.Id, Start, DeliveryStatus.Failed);
        await Data.AddFinishedDeliveryAsync(accountId, billing.Id, Start.AddMinutes(1), DeliveryStatus.Failed);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/deliveries?webhook={crm.Id}");
        var page = RenderInConsole<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.Single(ShownIds(page)));

        page.Find("#replay-failed").Click();

        Host.WaitForAssertion(() => Assert.Contains("Replay 1 failed delivery", Host.Find(".mud-dialog").TextContent));
        Assert.DoesNotContain("disabled", Host.Find(".mud-dialog").TextContent);
    }

    [Fact]
    public async Task RowReplay_ReplaysAtOnce_WhenTheWebhookIsEnabled()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(accountId, "https://crm.example/hook", w => w.Name = "CRM");
        var delivery = await Data.AddFinishedDeliveryAsync(accountId, webhook.Id, Start, DeliveryStatus.Failed);
        var page = RenderInConsole<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.Single(ShownIds(page)));

        page.Find($"#replay-{delivery.Id}").Click();

        Host.WaitForAssertion(() => Assert.NotNull(Host.Find(".replay-link")));
        Assert.Empty(Host.FindAll(".mud-dialog"));
        Assert.Equal(2, await Data.CountAsync<Delivery>());
    }

    [Fact]
    public async Task RowReplay_AsksFirst_WhenTheWebhookIsDisabled()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(accountId, "https://billing.example/hook", w => (w.Name, w.Enabled) = ("Billing", false));
        var delivery = await Data.AddFinishedDeliveryAsync(accountId, webhook.Id, Start, DeliveryStatus.Failed);
        var page = RenderInConsole<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.Single(ShownIds(page)));

        page.Find($"#replay-{delivery.Id}").Click();

        Host.WaitForAssertion(() => Assert.Contains("Webhook 'Billing' is disabled", Host.Find(".mud-dialog").TextContent));
        Assert.Contains(DeliveryReplayButton.DisabledConsequence, Host.Find(".mud-dialog").TextContent);
        Host.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Host.WaitForAssertion(() => Assert.Empty(Host.FindAll(".mud-dialog")));
        Assert.Equal(1, await Data.CountAsync<Delivery>());

        page.Find($"#replay-{delivery.Id}").Click();
        Host.WaitForAssertion(() => Assert.NotNull(Host.Find("#confirm-yes")));
        Host.Find("#confirm-yes").Click();

        Host.WaitForAssertion(() => Assert.NotNull(Host.Find(".replay-link")));
        Assert.Equal(2, await Data.CountAsync<Delivery>());
    }

    [Fact]
    public async Task RowReplay_AsksOnce_WhenClickedAgainWhileAsking()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(accountId, "https://billing.example/hook", w => (w.Name, w.Enabled) = ("Billing", false));
        var delivery = await Data.AddFinishedDeliveryAsync(accountId, webhook.Id, Start, DeliveryStatus.Failed);
        var page = RenderInConsole<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.Single(ShownIds(page)));
        page.Find($"#replay-{delivery.Id}").Click();
        Host.WaitForAssertion(() => Assert.Single(Host.FindAll(".mud-dialog")));

        page.Find($"#replay-{delivery.Id}").Click();
        Host.Find("#confirm-yes").Click();

        Host.WaitForAssertion(() => Assert.NotNull(Host.Find(".replay-link")));
        Assert.Empty(Host.FindAll(".mud-dialog"));
        Assert.Equal(2, await Data.CountAsync<Delivery>());
    }

    [Fact]
    public async Task RowButtons_NameTheirDelivery()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(accountId, "https://crm.example/hook", w => w.Name = "CRM");
        var delivery = await Data.AddFinishedDeliveryAsync(accountId, webhook.Id, Start, DeliveryStatus.Failed);

        var page = RenderInConsole<DeliveriesPage>();

        page.WaitForAssertion(() => Assert.Equal($"Replay delivery {delivery.Id}", page.Find($"#replay-{delivery.Id}").GetAttribute("aria-label")));
    }
}
