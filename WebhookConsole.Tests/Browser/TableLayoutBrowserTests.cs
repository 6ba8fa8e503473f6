using System.Net.Http.Json;
using Microsoft.Playwright;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace WebhookConsole.Tests.Browser;

/// <summary>
/// The delivery history and the webhook list at laptop widths with the navigation drawer open, in Chromium:
/// a long webhook name and URL each keep to one line, cut to fit, and never push a row's actions out of view or
/// the page sideways.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TableLayoutBrowserTests(BrowserFixture browsers)
{
    private const string LongName = "Salesforce Service Cloud — completed call summaries for the EMEA contact centre (production tenant)";
    private const string LongUrl = "https://crm.example.com/services/apexrest/v2/telephony/webhooks/call-completed/ingest"
        + "?tenant=acme-emea-production&source=webhookconsole&format=json&schema_version=2024-11-01";

    /// <summary>
    /// For each row, whether its last button lies wholly inside the viewport's width and inside every ancestor that
    /// clips or scrolls sideways (a table container scrolled to its start hides what sticks out on the right).
    /// </summary>
    private const string LastButtonsOutOfView = """
        rowSelector => [...document.querySelectorAll(rowSelector)].flatMap((row, index) => {
            const button = [...row.querySelectorAll('button')].pop();
            if (!button) return [];
            const r = button.getBoundingClientRect();
            let left = 0, right = document.documentElement.clientWidth;
            for (let a = button.parentElement; a && a !== document.documentElement; a = a.parentElement) {
                if (getComputedStyle(a).overflowX === 'visible') continue;
                const box = a.getBoundingClientRect();
                left = Math.max(left, box.left + a.clientLeft);
                right = Math.min(right, box.left + a.clientLeft + a.clientWidth);
            }
            return r.left >= left - 0.5 && r.right <= right + 0.5
                ? []
                : [`row ${index + 1}: button ${Math.round(r.left)}..${Math.round(r.right)} px, visible ${Math.round(left)}..${Math.round(right)} px`];
        })
        """;

    /// <summary>The elements (at least one) that wrap onto more than one line.</summary>
    private const string WrappedOntoSeveralLines = """
        selector => {
            const elements = [...document.querySelectorAll(selector)];
            if (elements.length === 0) return [`nothing matches ${selector}`];
            return elements.flatMap((e, index) => {
                const style = getComputedStyle(e);
                const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.6;
                const height = e.getBoundingClientRect().height;
                return height <= line * 1.5 ? [] : [`${index + 1}: ${Math.round(height)} px high, a line is ${Math.round(line)} px: ${e.textContent.trim().slice(0, 40)}`];
            });
        }
        """;

    /// <summary>The boxes that scroll sideways because their content is wider than they are, but for <paramref name="allowed"/>.</summary>
    private const string BoxesScrollingSideways = """
        allowed => [...document.querySelectorAll('body *')].flatMap(e => {
            const overflow = getComputedStyle(e).overflowX;
            if (overflow !== 'auto' && overflow !== 'scroll') return [];
            if (e.scrollWidth <= e.clientWidth + 1 || e.closest(allowed)) return [];
            return [`${e.closest('[id]')?.id ?? ''} ${e.className}: ${e.scrollWidth} px wide in ${e.clientWidth} px`];
        })
        """;

    private const string HorizontalOverflow =
        "() => { const e = document.scrollingElement; return e.scrollWidth > e.clientWidth ? `${e.scrollWidth} > ${e.clientWidth}` : ''; }";

    [Theory]
    [InlineData(1280)]
    [InlineData(1440)]
    public async Task RowActions_StayInView_WhenAWebhookHasALongNameAndUrl(int width)
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        var accountId = await app.App.DefaultAccountIdAsync();
        var now = DateTime.UtcNow;
        var longOne = await app.App.Data.AddWebhookAsync(accountId, LongUrl, w => (w.Name, w.EventType) = (LongName, "Call:Hangup"));
        var disabled = await app.App.Data.AddWebhookAsync(accountId, "https://billing.example.com/v1/answered",
            w => (w.Name, w.Enabled, w.DisabledReason) = ("Billing answered calls", false, "5 deliveries in a row failed; last: receiver answered 500"));
        for (var i = 0; i < 3; i++)
        {
            await app.App.Data.AddFinishedDeliveryAsync(accountId, longOne.Id, now.AddMinutes(-i), DeliveryStatus.Succeeded, environment: "production");
            await app.App.Data.AddFinishedDeliveryAsync(accountId, disabled.Id, now.AddMinutes(-i).AddSeconds(-30), environment: "production");
        }
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await page.SetViewportSizeAsync(width, 900);
        await browser.SignInAsync();

        await browser.GotoAsync("/deliveries");
        await Expect(page.Locator("#deliveries-grid button[aria-label^='Replay delivery ']")).ToHaveCountAsync(6);
        await Expect(page.Locator("#deliveries-grid tbody tr", new() { HasText = LongName }).First).ToBeVisibleAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>(LastButtonsOutOfView, "#deliveries-grid tbody tr"));
        Assert.Equal("", await page.EvaluateAsync<string>(HorizontalOverflow));
        Assert.Empty(await page.EvaluateAsync<string[]>(WrappedOntoSeveralLines, "#deliveries-grid tbody td[data-label=Webhook] [title]"));

        await browser.GotoAsync("/webhooks");
        await Expect(page.Locator("#webhooks-table tbody tr button[aria-label^='Delete webhook ']")).ToHaveCountAsync(2);
        await Expect(page.Locator("#webhooks-table tbody tr", new() { HasText = LongName })).ToBeVisibleAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>(LastButtonsOutOfView, "#webhooks-table tbody tr"));
        Assert.Equal("", await page.EvaluateAsync<string>(HorizontalOverflow));
        Assert.Empty(await page.EvaluateAsync<string[]>(WrappedOntoSeveralLines, "#webhooks-table tbody td[data-label=URL] [title]"));
    }

    [Fact]
    public async Task DeliveryRowActions_StayInView_WhenTheEnvironmentAndEventTypeHaveLongNames()
    {
        const string longEnvironment = "production-environment-of-the-emea-contact-centre-for-completed-call-summaries";
        const string longEvent = "call.propertyChange.call_outcome.summary_generated_by_the_voice_agent";
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        var accountId = await app.App.DefaultAccountIdAsync();
        var webhook = await app.App.Data.AddWebhookAsync(accountId, LongUrl, w => w.Name = LongName);
        await app.App.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, DateTime.UtcNow.AddMinutes(-1), eventType: longEvent, environment: longEnvironment);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await browser.SignInAsync();

        await browser.GotoAsync("/deliveries");

        var row = page.Locator("#deliveries-grid tbody tr", new() { HasText = LongName });
        await Expect(row).ToBeVisibleAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>(LastButtonsOutOfView, "#deliveries-grid tbody tr"));
        Assert.Equal("", await page.EvaluateAsync<string>(HorizontalOverflow));
        await Expect(row.Locator(".delivery-environment")).ToHaveAttributeAsync("title", longEnvironment);
        await Expect(row.Locator(".delivery-event")).ToHaveAttributeAsync("title", longEvent);
    }

    [Fact]
    public async Task Tables_FitAPhone_WhenItIs390PixelsWide()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Respond("/billing", (_, _) => new ReceiverResponse(503, "busy"));
        await using var app = ServedApp.Start(new Dictionary<string, string?>(ConsoleSignIn.BootstrapAdmin) { ["Dispatcher:AllowPrivateNetworks"] = "true" });
        var accountId = await app.App.DefaultAccountIdAsync();
        var billing = await app.App.Data.AddWebhookAsync(accountId, receiver.Url("/billing"),
            w => (w.Name, w.Enabled, w.DisabledReason) = ("Billing", false, "5 deliveries in a row failed; last: receiver answered 500"));
        var crm = await app.App.Data.AddWebhookAsync(accountId, "https://crm.example.com/in", w => (w.Name, w.ConsecutiveFailures) = (LongName, 2));
        await app.App.Data.AddFinishedDeliveryAsync(accountId, billing.Id, DateTime.UtcNow.AddMinutes(-3));
        await app.App.Data.AddFinishedDeliveryAsync(accountId, crm.Id, DateTime.UtcNow.AddMinutes(-2));
        using var api = app.CreateApiClient();
        var test = await api.PostAsync($"/api/v1/accounts/{accountId}/webhooks/{billing.Id}/test", null);
        test.EnsureSuccessStatusCode();
        var deliveryId = (await test.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("data").GetProperty("delivery_id").GetString();
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await page.SetViewportSizeAsync(390, 844);
        await browser.SignInAsync();

        // The dashboard's webhooks that need attention stack into cards; only the 24 hourly figures under the charts
        // scroll, by design.
        await browser.GotoAsync("/");
        await Expect(page.Locator($"#reenable-{billing.Id}")).ToBeVisibleAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>(BoxesScrollingSideways, ".deliveries-figures"));
        Assert.Equal("", await page.EvaluateAsync<string>(HorizontalOverflow));
        Assert.Empty(await page.EvaluateAsync<string[]>(LastButtonsOutOfView, "#failing-webhooks tbody tr"));

        // Long dotted event type names break inside their card.
        await browser.GotoAsync("/event-types");
        await Expect(page.Locator("#event-types-table tbody tr", new() { HasText = "call.propertyChange.call_outcome" })).ToBeVisibleAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>(BoxesScrollingSideways, "pre"));
        Assert.Equal("", await page.EvaluateAsync<string>(HorizontalOverflow));

        // A delivery's ids, URL and headers wrap.
        await browser.GotoAsync($"/deliveries/{deliveryId}");
        await Expect(page.Locator("#attempt-1-request-headers")).ToBeVisibleAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>(BoxesScrollingSideways, "pre"));
        Assert.Equal("", await page.EvaluateAsync<string>(HorizontalOverflow));

        // A test send's signature headers stack as a delivery's do: each name above its value, which then has the width.
        await browser.GotoAsync("/webhooks");
        await page.Locator("button[aria-label='Send test to webhook Billing']").ClickAsync();
        var header = page.Locator("#send-test-headers tbody tr").First;
        await Expect(header).ToContainTextAsync("webhook-id");
        var name = await header.Locator("td").First.BoundingBoxAsync();
        var value = await header.Locator("td").Last.BoundingBoxAsync();
        Assert.True(value!.Y >= name!.Y + name.Height - 0.5,
            $"the value starts at y {value.Y}, beside its name (y {name.Y}..{name.Y + name.Height}) rather than below it");
        Assert.Empty(await page.EvaluateAsync<string[]>(BoxesScrollingSideways, "pre"));
    }
}
