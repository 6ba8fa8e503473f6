using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Components.Pages.Webhooks;
using WebhookConsole.Features.Webhooks;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components.Pages.Webhooks;

[Collection(AppCollection.Name)]
public sealed class WebhooksPageTests : ConsoleTestContext
{
    [Fact]
    public async Task Table_ShowsColumnsAndOneRowPerWebhook()
    {
        var account = await App.DefaultAccountIdAsync();
        await Data.AddWebhookAsync(account, "https://crm.example.com/calls", w => w.EventType = "Call:Hangup");
        await Data.AddWebhookAsync(account, "https://billing.example.com/in", w => (w.EventType, w.Method) = ("Call:Answer", "GET"));

        var page = RenderInConsole<WebhooksPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#webhooks-table tbody tr").Count));
        var headers = page.FindAll("#webhooks-table thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Date Created", "Status", "Event", "URL", "Method", "Actions"], headers);
        var table = page.Find("#webhooks-table").TextContent;
        Assert.Contains("https://crm.example.com/calls", table);
        Assert.Contains("Call:Answer", table);
        Assert.Contains("GET", table);
        Assert.Contains("Enabled", table);
    }

    [Fact]
    public async Task Search_ShowsOnlyMatchingWebhooks()
    {
        var account = await App.DefaultAccountIdAsync();
        await Data.AddWebhookAsync(account, "https://crm.example.com/calls");
        await Data.AddWebhookAsync(account, "https://billing.example.com/in");
        var page = RenderInConsole<WebhooksPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#webhooks-table tbody tr").Count));

        page.Find("#webhook-search").Input("billing");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#webhooks-table tbody tr")));
        Assert.Contains("billing.example.com", page.Find("#webhooks-table").TextContent);
        Assert.Contains("q=billing", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task Eye_ShowsTheBodyTemplateIndented()
    {
        var account = await App.DefaultAccountIdAsync();
        await Data.AddWebhookAsync(account, "https://crm.example.com/calls", w => w.BodyTemplate = """{"call":"{{ uuid }}","n":1}""");
        var page = RenderInConsole<WebhooksPage>();

        page.WaitForElement("button[aria-label^='Show body template of webhook ']").Click();

        var body = Host.WaitForElement("#template-dialog-body").TextContent;
        Assert.Contains("\"call\": \"{{ uuid }}\"", body);
        Assert.Contains("\n", body);
    }

    [Fact]
    public async Task Pencil_OpensTheEditPage()
    {
        var account = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(account, "https://crm.example.com/calls");
        var page = RenderInConsole<WebhooksPage>();

        page.WaitForAssertion(() => Assert.Contains(webhook.Url, page.Find("#webhooks-table").TextContent));

        page.Find("button[aria-label^='Edit webhook ']").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith($"/webhooks/{webhook.Id}", navigation.Uri));
    }

    [Fact]
    public async Task Bin_DeletesOnlyAfterConfirmation()
    {
        var account = await App.DefaultAccountIdAsync();
        await Data.AddWebhookAsync(account, "https://crm.example.com/calls");
        var page = RenderInConsole<WebhooksPage>();

        page.WaitForElement("button[aria-label^='Delete webhook ']").Click();
        Host.WaitForElement("#confirm-yes");
        Host.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Host.WaitForAssertion(() => Assert.Empty(Host.FindAll("#confirm-yes")));
        Assert.Equal(1, await Data.CountAsync<WebhookEndpoint>());

        page.Find("button[aria-label^='Delete webhook ']").Click();
        Host.WaitForElement("#confirm-yes").Click();

        page.WaitForElement("#webhooks-empty");
        Assert.Equal(0, await Data.CountAsync<WebhookEndpoint>());
    }

    [Fact]
    public async Task SendTest_ShowsStatusLatencyBodyAndSignature_WhenReceiverAnswers()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Respond("/hook", (_, _) => new ReceiverResponse(201, """{"received":true}"""));
        var account = await App.DefaultAccountIdAsync();
        await Data.AddWebhookAsync(account, receiver.Url("/hook"), w => w.EventType = "Call:Answer");
        var page = RenderInConsole<WebhooksPage>();

        page.WaitForElement("button[aria-label^='Send test to webhook ']").Click();

        Host.WaitForElement("#send-test-result", TimeSpan.FromSeconds(15));
        Assert.Contains("201", Host.Find("#send-test-status").TextContent);
        Assert.Matches(@"\d+ ms", Host.Find("#send-test-latency").TextContent);
        Assert.Contains("\"received\": true", Host.Find("#send-test-body").TextContent);
        Assert.Contains("webhook-signature", Host.Find("#send-test-headers").TextContent);
        Assert.Contains("Call:Answer", Assert.Single(receiver.At("/hook")).Body);
    }

    [Fact]
    public async Task SendTest_ShowsTheError_WhenReceiverIsUnreachable()
    {
        var account = await App.DefaultAccountIdAsync();
        // Port 9 (discard) on loopback: nothing listens, so the connection is refused.
        await Data.AddWebhookAsync(account, "http://127.0.0.1:9/hook");
        var page = RenderInConsole<WebhooksPage>();

        page.WaitForElement("button[aria-label^='Send test to webhook ']").Click();

        Host.WaitForElement("#send-test-error", TimeSpan.FromSeconds(15));
        Assert.Contains("No response", Host.Find("#send-test-status").TextContent);
    }

    [Fact]
    public async Task ReEnable_EnablesDisabledWebhookAndClearsItsReason()
    {
        var account = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(account, "https://crm.example.com/calls", w =>
        {
            (w.Enabled, w.DisabledReason, w.ConsecutiveFailures) = (false, "5 deliveries in a row failed; last: HTTP 500", 5);
        });
        var page = RenderInConsole<WebhooksPage>();
        page.WaitForAssertion(() => Assert.Contains("5 deliveries in a row failed", page.Find("#webhooks-table").TextContent));
        Assert.NotNull(page.Find("#webhooks-table tr.webhook-failing"));

        page.Find("button[aria-label^='Re-enable webhook ']").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#webhooks-table tr.webhook-failing")));
        var stored = await Data.WebhookAsync(webhook.Id);
        Assert.True(stored.Enabled);
        Assert.Null(stored.DisabledReason);
        Assert.Equal(0, stored.ConsecutiveFailures);
    }

    [Fact]
    public async Task ReEnableButton_LooksStandard_WhenWebhookIsDisabled()
    {
        var account = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(account, "https://crm.example.com/calls", w => (w.Enabled, w.DisabledReason) = (false, "410 Gone"));

        var page = RenderInConsole<WebhooksPage>();

        page.WaitForAssertion(() => ReEnableButtonAssert.LooksStandard(page.Find($"#reenable-{webhook.Id}")));
    }

    [Fact]
    public async Task StatusChips_LookStandard_WhenWebhooksAreEnabledOrDisabled()
    {
        var account = await App.DefaultAccountIdAsync();
        await Data.AddWebhookAsync(account, "https://on.example.com/in");
        await Data.AddWebhookAsync(account, "https://failed.example.com/in", w => (w.Enabled, w.DisabledReason) = (false, "410 Gone"));
        await Data.AddWebhookAsync(account, "https://paused.example.com/in", w => w.Enabled = false);

        var page = RenderInConsole<WebhooksPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("#webhooks-table tbody tr").Count));
        IElement Row(string host) => page.FindAll("#webhooks-table tbody tr").Single(r => r.TextContent.Contains(host));
        WebhookStateChipAssert.ShowsEnabled(Row("on.example.com"));
        WebhookStateChipAssert.ShowsDisabled(Row("failed.example.com"));
        WebhookStateChipAssert.ShowsDisabled(Row("paused.example.com"));
    }

    [Fact]
    public async Task RowButtons_NameTheirWebhook()
    {
        var account = await App.DefaultAccountIdAsync();
        await Data.AddWebhookAsync(account, "https://billing.example.com/in", w => (w.Name, w.Enabled, w.DisabledReason) = ("Billing", false, "410 Gone"));

        var page = RenderInConsole<WebhooksPage>();

        page.WaitForAssertion(() => Assert.Equal(
            ["Re-enable webhook Billing", "Show body template of webhook Billing", "Edit webhook Billing", "Send test to webhook Billing", "Delete webhook Billing"],
            page.Find("#webhooks-table tbody tr").QuerySelectorAll("button").Select(b => b.GetAttribute("aria-label"))));
    }
}
