using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Playwright;
using WebhookConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace WebhookConsole.Tests.Browser;

/// <summary>
/// Every console page, the Hangfire dashboard and the API reference under the app's Content-Security-Policy, in
/// Chromium: nothing is refused (Chromium reports each refusal on the console), and what needs the circuit still works.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture browsers)
{
    [Fact]
    public async Task EveryPage_WorksWithoutAPolicyViolation()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Respond("/hooks/calls", (_, _) => new ReceiverResponse(202, "{\"ok\": true}"));
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        var accountId = await app.App.DefaultAccountIdAsync();
        var webhook = await app.App.Data.AddWebhookAsync(accountId, receiver.Url("/hooks/calls"), w => (w.Name, w.EventType) = ("CRM hangups", "Call:Hangup"));
        await app.App.Data.AddEnvironmentAsync(accountId, "production", webhook.Id);
        using var api = app.CreateApiClient();
        var posted = await api.PostAsync($"/api/v1/accounts/{accountId}/events", new StringContent(
            """{"data": {"id": "call-42", "event": "Call:Hangup", "environment": "production", "payload": {"uuid": "42", "duration": 60}}}""",
            Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        await receiver.WaitForAsync(r => r.Count == 1, TimeSpan.FromSeconds(30), "the posted event");

        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        var problems = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Enqueue($"{page.Url}: script error: {error}");

        // Sign-in: a static page whose form posts to this origin.
        await page.GotoAsync("/Account/Login");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await browser.SignInAsync();

        // The dashboard, then the webhooks list: a test send runs on the circuit and shows its answer.
        await Expect(page.Locator("#deliveries-chart")).ToBeVisibleAsync();
        await browser.GotoAsync("/webhooks");
        var row = page.Locator("#webhooks-table tbody tr", new() { HasText = "CRM hangups" });
        await row.Locator("button[aria-label^='Send test to webhook ']").ClickAsync();
        await Expect(page.Locator("#send-test-status")).ToContainTextAsync("202");
        await page.ClickAsync("#send-test-close");

        // The edit page's live preview follows the template as it is typed (its editor is a script module).
        await browser.GotoAsync($"/webhooks/{webhook.Id}");
        await page.FillAsync("#webhook-template", """{"call": "{{ uuid }}", "text": "csp check"}""");
        await Expect(page.Locator("#preview-body")).ToContainTextAsync("csp check");
        await browser.GotoAsync("/webhooks/new");
        await Expect(page.Locator("#webhook-name")).ToBeVisibleAsync();

        await browser.GotoAsync("/environments");
        await page.ClickAsync("#new-environment");
        await Expect(page.Locator("#save-environment")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        await browser.GotoAsync("/event-types");
        await Expect(page.Locator("#event-types-table")).ToContainTextAsync("Call:Hangup");
        await page.ClickAsync("#new-event-type");
        await Expect(page.Locator("#save-event-type")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        // The history and a delivery's detail, with its attempt's request and response.
        await browser.GotoAsync("/deliveries");
        await page.Locator("#deliveries-grid .delivery-link").First.ClickAsync();
        await browser.WaitForInteractiveAsync();
        await Expect(page.Locator("#attempt-1 .attempt-status")).ToContainTextAsync("202");

        await browser.GotoAsync("/tokens");
        await page.ClickAsync("#new-token");
        await page.FillAsync("#token-name", "CSP check");
        await page.ClickAsync("#create-token");
        await Expect(page.Locator("#token-value")).Not.ToHaveValueAsync("");
        await page.ClickAsync("#token-done");
        await Expect(page.Locator("#tokens-table")).ToContainTextAsync("CSP check");

        await browser.GotoAsync("/admins");
        await Expect(page.Locator("#admins-table")).ToContainTextAsync(ConsoleSignIn.AdminEmail);

        // The audit log: an entry opens its dialog of changes.
        await browser.GotoAsync("/audit");
        await page.Locator("#audit-table tbody tr", new() { HasText = "CSP check" }).First.ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        await browser.GotoAsync("/accounts");
        await Expect(page.Locator("#accounts-table")).ToBeVisibleAsync();

        Assert.True(problems.IsEmpty, string.Join(Environment.NewLine, problems));

        // The Hangfire dashboard: its pages poll for their figures with scripts of their own.
        await page.GotoAsync("/hangfire");
        await Expect(page.Locator("#realtimeGraph, .js-realtime-graph, canvas").First).ToBeAttachedAsync();
        await page.GotoAsync("/hangfire/recurring");
        await Expect(page.Locator("body")).ToContainTextAsync("Recurring");
        await page.GotoAsync("/hangfire/servers");
        await Expect(page.Locator("body")).ToContainTextAsync("Servers");

        Assert.True(problems.IsEmpty, string.Join(Environment.NewLine, problems));

        // The API reference fetches the OpenAPI document and renders it.
        await page.GotoAsync("/api-reference/");
        await Expect(page.GetByText("WIRECLOUD-shaped REST API").First).ToBeVisibleAsync();

        // Violations are reported as they happen; one more round trip lets the last page's reports arrive.
        await page.GotoAsync("/Account/Login");
        Assert.True(problems.IsEmpty, string.Join(Environment.NewLine, problems));
    }
}
