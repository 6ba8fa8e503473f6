using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Api;
using WebhookConsole.Components.Pages.Environments;
using WebhookConsole.Features.Environments;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components.Pages.Environments;

[Collection(AppCollection.Name)]
public sealed class EnvironmentSubscriptionsEditorTests : ConsoleTestContext
{
    private EnvironmentService Environments => App.Services.GetRequiredService<EnvironmentService>();

    private static List<Guid> ShownIds(IRenderedComponent<EnvironmentsPage> page) =>
        page.FindAll("#subscriptions-table tbody td[data-webhook-id]").Select(r => Guid.Parse(r.GetAttribute("data-webhook-id")!)).ToList();

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<EnvironmentsPage> page, Guid webhookId) =>
        page.Find($"#subscriptions-table td[data-webhook-id='{webhookId}']").ParentElement!;

    /// <summary>Adds <paramref name="count"/> webhooks a minute apart; their ids, newest first as the list shows them.</summary>
    private async Task<List<Guid>> AddWebhooksAsync(Guid accountId, int count, Func<int, string> host)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var at = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc).AddMinutes(i);
            ids.Add((await Data.AddWebhookAsync(accountId, $"https://{host(i)}.example/{i:000}", w => (w.CreatedAt, w.UpdatedAt) = (at, at))).Id);
        }
        ids.Reverse();
        return ids;
    }

    [Fact]
    public async Task Search_ShowsOnlyMatchingWebhooks_WhenTermMatchesEventUrlOrMethod()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var answer = await Data.AddWebhookAsync(accountId, "https://crm.example/answer", w => w.EventType = "Call:Answer");
        var hangup = await Data.AddWebhookAsync(accountId, "https://billing.example/hangup", w => w.EventType = "Call:Hangup");
        var get = await Data.AddWebhookAsync(accountId, "https://crm.example/get", w => (w.EventType, w.Method) = ("Ivr:Start", "GET"));
        var environment = await Data.AddEnvironmentAsync(accountId, "ITD2024");
        var page = RenderInConsole<EnvironmentsPage>();
        page.WaitForElement($"#subscriptions-{environment.Id}").Click();
        page.WaitForAssertion(() => Assert.Equal(3, ShownIds(page).Count));

        page.Find("#subscriptions-search").Input("call:answer");
        page.WaitForAssertion(() => Assert.Equal([answer.Id], ShownIds(page)));

        page.Find("#subscriptions-search").Input("crm.example");
        page.WaitForAssertion(() => Assert.Equal([get.Id, answer.Id], ShownIds(page)));

        page.Find("#subscriptions-search").Input("get");
        page.WaitForAssertion(() => Assert.Equal([get.Id], ShownIds(page)));

        page.Find("#subscriptions-search").Input("nothing-like-this");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#subscriptions-no-match")));
        Assert.DoesNotContain(hangup.Id, ShownIds(page));
    }

    [Fact]
    public async Task Save_SubscribesAndUnsubscribesInOneGo_WhenBoxesChange()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var a = await Data.AddWebhookAsync(accountId, "https://a.example/hook", w => w.EventType = "Call:Answer");
        var b = await Data.AddWebhookAsync(accountId, "https://b.example/hook", w => (w.EventType, w.Enabled) = ("Call:Hangup", false));
        var c = await Data.AddWebhookAsync(accountId, "https://c.example/hook", w => w.EventType = "Ivr:End");
        var environment = await Data.AddEnvironmentAsync(accountId, "ITD2024", a.Id, c.Id);
        var page = RenderInConsole<EnvironmentsPage>();
        page.WaitForElement($"#subscriptions-{environment.Id}").Click();
        page.WaitForAssertion(() => Assert.Contains("2 of 3 subscribed", page.Find("#subscriptions-summary").TextContent));
        Assert.Contains("Disabled", Row(page, b.Id).TextContent);

        page.Find($"#subscription-{a.Id}").Change(false);
        page.Find($"#subscription-{b.Id}").Change(true);
        page.WaitForAssertion(() => Assert.Contains("unsaved: 1 added, 1 removed", page.Find("#subscriptions-summary").TextContent));
        page.Find("#save-subscriptions").Click();

        Host.WaitForAssertion(() => Assert.Contains("Subscriptions of 'ITD2024' saved: 1 added, 1 removed", Host.Markup));
        var saved = await Environments.GetAsync(accountId, environment.Id, CancellationToken.None);
        Assert.Equal(new[] { b.Id, c.Id }.Order(), saved!.Subscriptions.Select(s => s.WebhookId).Order());
        page.WaitForAssertion(() => Assert.Contains("2", page.FindAll("#environments-table tbody tr").Single().QuerySelector(".subscription-count")!.TextContent));
        Assert.True(page.Find("#save-subscriptions").HasAttribute("disabled"));
    }

    [Fact]
    public async Task StatusChips_LookStandard_WhenWebhooksAreEnabledOrDisabled()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var on = await Data.AddWebhookAsync(accountId, "https://on.example/hook");
        var off = await Data.AddWebhookAsync(accountId, "https://off.example/hook", w => w.Enabled = false);
        var environment = await Data.AddEnvironmentAsync(accountId, "ITD2024");
        var page = RenderInConsole<EnvironmentsPage>();

        page.WaitForElement($"#subscriptions-{environment.Id}").Click();

        page.WaitForAssertion(() => Assert.Equal(2, ShownIds(page).Count));
        WebhookStateChipAssert.ShowsEnabled(Row(page, on.Id));
        WebhookStateChipAssert.ShowsDisabled(Row(page, off.Id));
    }

    [Fact]
    public async Task TickShown_SubscribesOnlyTheFilteredWebhooks_WhenSearchIsSet()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var a = await Data.AddWebhookAsync(accountId, "https://crm.example/a");
        await Data.AddWebhookAsync(accountId, "https://billing.example/b");
        var environment = await Data.AddEnvironmentAsync(accountId, "ITD2024");
        var page = RenderInConsole<EnvironmentsPage>();
        page.WaitForElement($"#subscriptions-{environment.Id}").Click();

        page.WaitForElement("#subscriptions-search").Input("crm");
        page.WaitForAssertion(() => Assert.Single(ShownIds(page)));
        page.Find("#select-shown").Click();
        page.Find("#save-subscriptions").Click();

        Host.WaitForAssertion(() => Assert.Contains("saved: 1 added, 0 removed", Host.Markup));
        var saved = await Environments.GetAsync(accountId, environment.Id, CancellationToken.None);
        Assert.Equal([a.Id], saved!.Subscriptions.Select(s => s.WebhookId));
    }

    [Fact]
    public async Task Save_AppliesOnlyTheTicksChangedHere_ToSubscriptionsChangedElsewhereMeanwhile()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var a = await Data.AddWebhookAsync(accountId, "https://a.example/hook");
        var b = await Data.AddWebhookAsync(accountId, "https://b.example/hook");
        var c = await Data.AddWebhookAsync(accountId, "https://c.example/hook");
        var d = await Data.AddWebhookAsync(accountId, "https://d.example/hook");
        var environment = await Data.AddEnvironmentAsync(accountId, "ITD2024", a.Id, b.Id);
        var page = RenderInConsole<EnvironmentsPage>();
        page.WaitForElement($"#subscriptions-{environment.Id}").Click();
        page.WaitForAssertion(() => Assert.Contains("2 of 4 subscribed", page.Find("#subscriptions-summary").TextContent));
        // Elsewhere (another tab, or a webhook's edit page): b unsubscribed, d subscribed.
        var elsewhere = new EnvironmentInput { Fields = new HashSet<string> { EnvironmentInputParser.Webhooks }, Webhooks = [a.Id, d.Id] };
        Assert.NotNull(await Environments.UpdateAsync(accountId, environment.Id, elsewhere, replace: false, new FieldErrors(), CancellationToken.None));

        page.Find($"#subscription-{a.Id}").Change(false);
        page.Find($"#subscription-{c.Id}").Change(true);
        page.Find("#save-subscriptions").Click();

        Host.WaitForAssertion(() => Assert.Contains("Subscriptions of 'ITD2024' saved: 1 added, 1 removed", Host.Markup));
        var saved = await Environments.GetAsync(accountId, environment.Id, CancellationToken.None);
        Assert.Equal(new[] { c.Id, d.Id }.Order(), saved!.Subscriptions.Select(s => s.WebhookId).Order());
        page.WaitForAssertion(() => Assert.Contains("2 of 4 subscribed", page.Find("#subscriptions-summary").TextContent));
    }

    [Fact]
    public async Task List_ShowsOnePageOfWebhooksAtATime_WhenTheAccountHasMany()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var ids = await AddWebhooksAsync(accountId, 30, _ => "crm");
        var environment = await Data.AddEnvironmentAsync(accountId, "ITD2024", ids[27]);
        var page = RenderInConsole<EnvironmentsPage>();

        page.WaitForElement($"#subscriptions-{environment.Id}").Click();

        page.WaitForAssertion(() => Assert.Equal(ids[..25], ShownIds(page)));
        Assert.Contains("1-25 of 30", page.Find("#subscriptions-table .mud-table-pagination").TextContent);
        Assert.Contains("1 of 30 subscribed", page.Find("#subscriptions-summary").TextContent);
        page.Find("#subscriptions-table button[aria-label='Next page']").Click();
        page.WaitForAssertion(() => Assert.Equal(ids[25..], ShownIds(page)));
        Assert.True(Assert.IsAssignableFrom<AngleSharp.Html.Dom.IHtmlInputElement>(page.Find($"#subscription-{ids[27]}")).IsChecked);
        Assert.False(Assert.IsAssignableFrom<AngleSharp.Html.Dom.IHtmlInputElement>(page.Find($"#subscription-{ids[26]}")).IsChecked);
    }

    [Fact]
    public async Task TickAll_SubscribesEveryMatchingWebhook_OnEveryPage()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var ids = await AddWebhooksAsync(accountId, 60, i => i % 2 == 0 ? "crm" : "billing");
        var environment = await Data.AddEnvironmentAsync(accountId, "ITD2024");
        var page = RenderInConsole<EnvironmentsPage>();
        page.WaitForElement($"#subscriptions-{environment.Id}").Click();
        page.WaitForAssertion(() => Assert.Equal(25, ShownIds(page).Count));

        page.Find("#subscriptions-search").Input("billing");
        page.WaitForAssertion(() => Assert.Equal("Tick all 30", page.Find("#select-shown").TextContent.Trim()));
        page.Find("#select-shown").Click();
        page.Find("#save-subscriptions").Click();

        Host.WaitForAssertion(() => Assert.Contains("saved: 30 added, 0 removed", Host.Markup));
        var saved = await Environments.GetAsync(accountId, environment.Id, CancellationToken.None);
        Assert.Equal(ids.Where((_, i) => i % 2 == 0).Order(), saved!.Subscriptions.Select(s => s.WebhookId).Order());
    }

    [Fact]
    public async Task SubscribedOnly_ShowsTheSubscribedWebhooks_AndKeepsOneUntickedUntilSaved()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var ids = await AddWebhooksAsync(accountId, 60, _ => "crm");
        var environment = await Data.AddEnvironmentAsync(accountId, "ITD2024", ids[3], ids[40]);
        var page = RenderInConsole<EnvironmentsPage>();
        page.WaitForElement($"#subscriptions-{environment.Id}").Click();
        page.WaitForAssertion(() => Assert.Equal(25, ShownIds(page).Count));

        page.Find("#subscriptions-subscribed-only").Change(true);

        page.WaitForAssertion(() => Assert.Equal([ids[3], ids[40]], ShownIds(page)));
        page.Find($"#subscription-{ids[3]}").Change(false);
        page.WaitForAssertion(() => Assert.Contains("unsaved: 0 added, 1 removed", page.Find("#subscriptions-summary").TextContent));
        Assert.Equal([ids[3], ids[40]], ShownIds(page));
    }

    [Fact]
    public async Task Search_GoesBackToTheFirstPage()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var ids = await AddWebhooksAsync(accountId, 60, i => i % 2 == 0 ? "crm" : "billing");
        var environment = await Data.AddEnvironmentAsync(accountId, "ITD2024");
        var page = RenderInConsole<EnvironmentsPage>();
        page.WaitForElement($"#subscriptions-{environment.Id}").Click();
        page.WaitForAssertion(() => Assert.Equal(25, ShownIds(page).Count));
        page.Find("#subscriptions-table button[aria-label='Next page']").Click();
        page.WaitForAssertion(() => Assert.Equal(ids[25..50], ShownIds(page)));

        page.Find("#subscriptions-search").Input("crm");

        var crm = ids.Where((_, i) => i % 2 == 1).ToList();
        page.WaitForAssertion(() => Assert.Equal(crm[..25], ShownIds(page)));
    }
}
