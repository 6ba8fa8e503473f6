using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WebhookConsole.Data;
using WebhookConsole.Features.Webhooks;
using WebhookConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace WebhookConsole.Tests.Browser;

/// <summary>An admin's day with webhooks, in Chromium: every step is checked on the page and at the receiver.</summary>
[Collection(AppCollection.Name)]
public sealed class WebhooksBrowserTests(BrowserFixture browsers)
{
    private const string Template = """{"call": "{{ uuid }}", "seconds": "{{ duration }}", "text": "{{ caller_id_number }} hung up"}""";

    [Fact]
    public async Task Webhook_IsCreatedSubscribedTestedEditedDisabledAndDeleted()
    {
        await using var receiver = await TestReceiver.StartAsync();
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        var accountId = await app.App.DefaultAccountIdAsync();
        await app.App.Data.AddEnvironmentAsync(accountId, "production");
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await browser.SignInAsync();

        // Create, with a template, subscribed to an environment.
        await browser.GotoAsync("/webhooks");
        await Expect(page.Locator("#webhooks-empty")).ToBeVisibleAsync();
        await page.ClickAsync("#new-webhook");
        await browser.WaitForInteractiveAsync();
        await page.FillAsync("#webhook-name", "CRM hangups");
        await ChooseEventAsync(page, "Call:Hangup");
        await page.FillAsync("#webhook-url", receiver.Url("/hooks/calls"));
        await page.FillAsync("#webhook-template", "{\"call\": ");
        await Expect(page.Locator("#template-error")).ToContainTextAsync("Line 1, column 10");
        await page.FillAsync("#webhook-template", Template);
        await Expect(page.Locator("#template-error")).ToHaveCountAsync(0);
        await Expect(page.Locator("#preview-body")).ToContainTextAsync("hung up");
        await page.ClickAsync("[data-environment=production]");
        await browser.ScreenshotAsync("webhook-edit", fullPage: true);
        await page.ClickAsync("#save-webhook");
        await Expect(page.Locator("#webhook-id")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f-]{36}$"));
        var webhookId = Guid.Parse(await page.Locator("#webhook-id").InputValueAsync());

        // The environment now routes events to it: an event posted through the API arrives rendered.
        using var api = app.CreateApiClient();
        var posted = await api.PostAsync($"/api/v1/accounts/{accountId}/events", Json(
            """{"data": {"id": "call-42", "event": "Call:Hangup", "environment": "production", "payload": {"uuid": "42", "duration": 60, "caller_id_number": "972541234567"}}}"""));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, posted.StatusCode);
        var arrived = await receiver.WaitForAsync(r => r.Count == 1, TimeSpan.FromSeconds(30), "the posted event");
        var body = JsonNode.Parse(arrived[0].Body)!;
        Assert.Equal("42", body["call"]!.GetValue<string>());
        Assert.Equal(60, body["seconds"]!.GetValue<int>());
        Assert.Equal("972541234567 hung up", body["text"]!.GetValue<string>());

        // Send-test from the list: the result shows at once, and the sample arrived.
        receiver.Respond("/hooks/calls", (_, _) => new ReceiverResponse(202, "{\"ok\": true}"));
        await browser.GotoAsync("/webhooks");
        var row = page.Locator("#webhooks-table tbody tr", new() { HasText = "CRM hangups" });
        await Expect(row).ToContainTextAsync("Enabled");
        await Expect(row).ToContainTextAsync("Call:Hangup");
        await Expect(row).ToContainTextAsync("POST");
        await browser.ScreenshotAsync("webhooks");
        await row.Locator("button[aria-label^='Send test to webhook ']").ClickAsync();
        await Expect(page.Locator("#send-test-status")).ToContainTextAsync("202");
        await Expect(page.Locator("#send-test-body")).ToContainTextAsync("ok");
        await Expect(page.Locator("#send-test-latency")).ToContainTextAsync("ms");
        await browser.ScreenshotAsync("webhook-send-test");
        await receiver.WaitForAsync(r => r.Count == 2, TimeSpan.FromSeconds(10), "the test send");
        await page.ClickAsync("#send-test-close");

        // Edit: another URL, then disable.
        await row.Locator("button[aria-label^='Edit webhook ']").ClickAsync();
        await browser.WaitForInteractiveAsync();
        await Expect(page.Locator("#webhook-url")).ToHaveValueAsync(receiver.Url("/hooks/calls"));
        await page.FillAsync("#webhook-url", receiver.Url("/hooks/v2"));
        await page.ClickAsync("#webhook-enabled");
        await page.ClickAsync("#save-webhook");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("saved");
        var stored = await app.App.Data.WebhookAsync(webhookId);
        Assert.Equal(receiver.Url("/hooks/v2"), stored.Url);
        Assert.False(stored.Enabled);
        await browser.GotoAsync("/webhooks");
        await Expect(row).ToContainTextAsync("Disabled");
        var accepted = await api.PostAsync($"/api/v1/accounts/{accountId}/events", Json(
            """{"data": {"id": "call-43", "event": "Call:Hangup", "environment": "production", "payload": {"uuid": "43"}}}"""));
        Assert.Empty((await AppFactory.DeliveryIdsAsync(accepted)));

        // Delete, after a confirmation.
        await row.Locator("button[aria-label^='Delete webhook ']").ClickAsync();
        await page.ClickAsync("#confirm-yes");
        await Expect(page.Locator("#webhooks-empty")).ToBeVisibleAsync();
        await using var scope = app.App.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Webhooks.AnyAsync(w => w.Id == webhookId));
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task Webhook_WithATemplateLongerThanOneSignalRMessage_IsCreatedOnce_WhenCreateIsDoubleClicked()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await browser.SignInAsync();
        // 40,000 characters: more than the 32 KB a circuit's message could hold by default, under the 64 K a template may have.
        var template = "{\"note\": \"" + new string('x', 40_000) + "\", \"call\": \"{{ uuid }}\"}";

        await browser.GotoAsync("/webhooks/new");
        await browser.WaitForInteractiveAsync();
        await page.FillAsync("#webhook-name", "Big template");
        await ChooseEventAsync(page, "Call:Hangup");
        await page.FillAsync("#webhook-url", "https://crm.example.com/calls");
        await page.FillAsync("#webhook-template", template);
        await Expect(page.Locator("#preview-body")).ToContainTextAsync("xxxx");
        await page.DblClickAsync("#save-webhook");

        await Expect(page.Locator("#webhook-id")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f-]{36}$"));
        var webhook = await app.App.Data.WebhookAsync(Guid.Parse(await page.Locator("#webhook-id").InputValueAsync()));
        Assert.Equal(template, webhook.BodyTemplate);
        Assert.Equal(1, await app.App.Data.CountAsync<WebhookEndpoint>());
    }

    [Fact]
    public async Task Webhook_EditedInTwoTabs_IsNotOverwrittenUnseen()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await browser.SignInAsync();
        var webhook = await app.App.Data.AddWebhookAsync(await app.App.DefaultAccountIdAsync(), "https://crm.example.com/calls", w => w.Name = "CRM");
        await browser.GotoAsync($"/webhooks/{webhook.Id}");
        await browser.WaitForInteractiveAsync();
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync($"/webhooks/{webhook.Id}");
        await other.Locator("#console-ready[data-interactive=true]").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });

        await other.FillAsync("#webhook-name", "CRM (renamed in the other tab)");
        await other.ClickAsync("#save-webhook");
        await Expect(other.Locator("h1")).ToHaveTextAsync("CRM (renamed in the other tab)");
        await page.FillAsync("#webhook-url", "https://crm.example.com/v2/calls");
        await page.ClickAsync("#save-webhook");

        await Expect(page.Locator("#webhook-conflict")).ToContainTextAsync("this webhook's name changed elsewhere");
        Assert.Equal(("CRM (renamed in the other tab)", "https://crm.example.com/calls"), await NameAndUrlAsync(app, webhook.Id));
        await page.ClickAsync("#conflict-reload");
        await Expect(page.Locator("#webhook-name")).ToHaveValueAsync("CRM (renamed in the other tab)");
        await Expect(page.Locator("#webhook-url")).ToHaveValueAsync("https://crm.example.com/calls");
        await page.FillAsync("#webhook-url", "https://crm.example.com/v2/calls");
        await page.ClickAsync("#save-webhook");

        var saved = await app.App.Data.WaitForWebhookAsync(webhook.Id, w => w.Url.EndsWith("/v2/calls"), TimeSpan.FromSeconds(15), "the save after the reload");
        Assert.Equal("CRM (renamed in the other tab)", saved.Name);
        await Expect(page.Locator("#webhook-conflict")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Filters_FollowTheAddress_WhenTheMenuLinkBackOrForwardChangesIt()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        var accountId = await app.App.DefaultAccountIdAsync();
        await app.App.Data.AddWebhookAsync(accountId, "https://crm.example.com/calls", w => w.Name = "CRM");
        await app.App.Data.AddWebhookAsync(accountId, "https://billing.example.com/calls", w => (w.Name, w.Enabled) = ("Billing", false));
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await browser.SignInAsync();
        await browser.GotoAsync("/webhooks?status=disabled");
        var rows = page.Locator("#webhooks-table tbody tr");
        await Expect(rows).ToHaveCountAsync(1);

        // The menu's link has no filters: every webhook shows again.
        await page.Locator("nav a[href='/webhooks']").ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/webhooks");
        await Expect(rows).ToHaveCountAsync(2);

        await page.GoBackAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("Billing");
        await page.GoForwardAsync();
        await Expect(rows).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Paging_IsKeptInTheAddress_ThroughAReloadTheEditPageAndBack()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        var accountId = await app.App.DefaultAccountIdAsync();
        var start = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 60; i++)
        {
            var at = start.AddMinutes(i);
            await app.App.Data.AddWebhookAsync(accountId, $"https://{(i % 2 == 0 ? "crm" : "billing")}.example.com/hooks/{i:000}",
                w => (w.Name, w.CreatedAt, w.UpdatedAt) = ($"Hook {i:000}", at, at));
        }
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await browser.SignInAsync();
        var rows = page.Locator("#webhooks-table tbody tr");
        var pager = page.Locator("#webhooks-table .mud-table-pagination");

        await browser.GotoAsync("/webhooks");
        await Expect(rows).ToHaveCountAsync(50);
        await Expect(page.Locator("#webhooks-count")).ToHaveTextAsync("60 webhooks");
        await Expect(pager).ToContainTextAsync("1-50 of 60");

        // Rows per page, then the next page: both land in the address.
        await pager.Locator(".mud-table-pagination-select").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "25" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/webhooks?size=25");
        await page.ClickAsync("#webhooks-table button[aria-label='Next page']");
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/webhooks?size=25&page=2");
        await Expect(rows.First).ToContainTextAsync("Hook 034");

        // A reload opens the same page, and so does back from a webhook's edit page.
        await page.ReloadAsync();
        await browser.WaitForInteractiveAsync();
        await Expect(rows).ToHaveCountAsync(25);
        await Expect(rows.First).ToContainTextAsync("Hook 034");
        await rows.First.Locator("button[aria-label^='Edit webhook ']").ClickAsync();
        await Expect(page.Locator("#webhook-name")).ToHaveValueAsync("Hook 034");
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/webhooks?size=25&page=2");
        await Expect(rows.First).ToContainTextAsync("Hook 034");
        await Expect(pager).ToContainTextAsync("26-50 of 60");

        // A search starts again at the first page, counts what matches, and is in the address too.
        await page.FillAsync("#webhook-search", "billing");
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/webhooks?size=25&q=billing");
        await Expect(page.Locator("#webhooks-count")).ToHaveTextAsync("30 of 60 match");
        await Expect(rows.First).ToContainTextAsync("Hook 059");
        await Expect(pager).ToContainTextAsync("1-25 of 30");

        // The menu's link has neither: the first page of all, at the default size.
        await page.Locator("nav a[href='/webhooks']").ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/webhooks");
        await Expect(rows).ToHaveCountAsync(50);
        await Expect(page.Locator("#webhook-search")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task Admin_IsAskedBeforeLeaving_WhenTheEditPageHasUnsavedChanges()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        var webhook = await app.App.Data.AddWebhookAsync(await app.App.DefaultAccountIdAsync(), "https://crm.example.com/calls", w => w.Name = "CRM");
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        var browserDialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            browserDialogs.Add(dialog.Type);
            await dialog.AcceptAsync();
        };
        await browser.SignInAsync();

        // Nothing changed: the back arrow just leaves.
        await browser.GotoAsync($"/webhooks/{webhook.Id}");
        await page.ClickAsync("#back-to-webhooks");
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/webhooks");

        // A change: the console asks first, and staying keeps it.
        await browser.GotoAsync($"/webhooks/{webhook.Id}");
        await page.FillAsync("#webhook-name", "CRM (unsaved)");
        await page.ClickAsync("#back-to-webhooks");
        var question = page.Locator(".mud-dialog", new() { HasText = "Unsaved changes" });
        await Expect(question).ToContainTextAsync("not saved");
        await question.Locator("button", new() { HasText = "Cancel" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/webhooks/{webhook.Id}");
        await Expect(page.Locator("#webhook-name")).ToHaveValueAsync("CRM (unsaved)");

        // A reload: the browser asks.
        await page.ReloadAsync();
        Assert.Equal(["beforeunload"], browserDialogs);
        await browser.WaitForInteractiveAsync();
        await Expect(page.Locator("#webhook-name")).ToHaveValueAsync("CRM");

        // Saved: nothing to ask.
        await page.FillAsync("#webhook-name", "CRM (saved)");
        await page.ClickAsync("#save-webhook");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("saved");
        await page.ClickAsync("#back-to-webhooks");
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/webhooks");
        await page.ReloadAsync();
        Assert.Equal(["beforeunload"], browserDialogs);
    }

    private static async Task<(string, string)> NameAndUrlAsync(ServedApp app, Guid id)
    {
        var webhook = await app.App.Data.WebhookAsync(id);
        return (webhook.Name, webhook.Url);
    }

    private static async Task ChooseEventAsync(IPage page, string eventType)
    {
        await page.Locator("div.mud-select[id^=select]").Filter(new() { Has = page.Locator("#webhook-event") }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new($"^{System.Text.RegularExpressions.Regex.Escape(eventType)}$") }).ClickAsync();
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
