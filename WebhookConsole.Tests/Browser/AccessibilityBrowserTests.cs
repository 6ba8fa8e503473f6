using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace WebhookConsole.Tests.Browser;

/// <summary>
/// What a screen reader and a keyboard need from every console page, checked in Chromium: one main landmark and one
/// page title, headings in order, a name on every button and column, code boxes that scroll reachable by keyboard,
/// the user menu's sign-out reachable by the arrow keys, a visible focus ring, and status colours that read at AA.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture browsers)
{
    /// <summary>The page's structural faults, each as a sentence; empty when there are none.</summary>
    private const string StructureProblems = """
        () => {
            const problems = [];
            const describe = e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].slice(0, 3).join('.')}`;
            const mains = document.querySelectorAll('main, [role=main]').length;
            if (mains !== 1) problems.push(`${mains} main landmarks`);
            const titles = [...document.querySelectorAll('h1')].map(h => h.textContent.trim());
            if (titles.length !== 1) problems.push(`${titles.length} level-one headings: ${titles.join(' | ')}`);
            let previous = 0;
            for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
                if (h.closest('.mud-dialog, .mud-popover')) continue;
                const level = +h.tagName[1];
                if (previous && level > previous + 1) problems.push(`heading h${level} "${h.textContent.trim()}" follows h${previous}`);
                previous = level;
            }
            for (const b of document.querySelectorAll('button, [role=button], a[href]')) {
                const name = (b.getAttribute('aria-label') || b.textContent || b.getAttribute('title') || '').trim();
                if (!name) problems.push(`nameless ${describe(b)}`);
            }
            for (const b of document.querySelectorAll('[role=button] button, [role=button] a[href], button button')) {
                problems.push(`interactive ${describe(b)} inside another`);
            }
            for (const d of document.querySelectorAll('div[aria-label]:not([role])')) {
                problems.push(`aria-label on a plain div ${describe(d)}`);
            }
            for (const th of document.querySelectorAll('th')) {
                if (!th.textContent.trim()) problems.push(`empty column header in ${describe(th.closest('table').parentElement)}`);
            }
            for (const pre of document.querySelectorAll('pre')) {
                if (pre.tabIndex < 0 && !pre.querySelector('a, button, [tabindex]')) problems.push(`code box ${describe(pre)} not focusable`);
            }
            return problems;
        }
        """;

    /// <summary>
    /// Text of the given elements whose contrast with what shows behind it is below 4.5:1, as sentences; translucent
    /// backgrounds (a text chip's tint, an alert's) are blended over what lies beneath them.
    /// </summary>
    private const string LowContrastText = """
        selector => {
            const parse = c => { const m = c.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
            const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
            const background = e => {
                const layers = [];
                for (let a = e; a; a = a.parentElement) {
                    const c = parse(getComputedStyle(a).backgroundColor);
                    if (c.a > 0) { layers.push(c); if (c.a >= 1) break; }
                }
                return layers.reduceRight((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
            };
            const luminance = c => {
                const ch = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
            };
            const elements = [...document.querySelectorAll(selector)].filter(e => e.textContent.trim() && e.getClientRects().length);
            if (elements.length === 0) return [`nothing matches ${selector}`];
            return elements.flatMap(e => {
                const bg = background(e);
                const fg = over(parse(getComputedStyle(e).color), bg);
                const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
                const ratio = (hi + 0.05) / (lo + 0.05);
                return ratio >= 4.5 ? [] : [`"${e.textContent.trim().slice(0, 30)}" is ${ratio.toFixed(2)}:1 (${getComputedStyle(e).color} on rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)}))`];
            });
        }
        """;

    [Fact]
    public async Task EveryPage_HasOneMainLandmarkOneTitleAndNamedControls()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Respond("/billing", (_, _) => new ReceiverResponse(503, "busy"));
        await using var app = ServedApp.Start(new Dictionary<string, string?>(ConsoleSignIn.BootstrapAdmin) { ["Dispatcher:AllowPrivateNetworks"] = "true" });
        var (webhook, delivery) = await SeedAsync(app, receiver);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;

        await page.GotoAsync("/Account/Login");
        Assert.Empty(Located("sign-in", await page.EvaluateAsync<string[]>(StructureProblems)));
        await browser.SignInAsync();

        string[] paths = ["/", "/webhooks", "/webhooks/new", $"/webhooks/{webhook}", "/environments", "/event-types", "/deliveries",
            $"/deliveries/{delivery}", "/tokens", "/accounts", "/admins", "/audit", "/no-such-page"];
        var problems = new List<string>();
        foreach (var path in paths)
        {
            await browser.GotoAsync(path);
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            // Lists fill in after the first render: wait for the tables' rows where the page has one.
            await page.WaitForFunctionAsync("() => !document.querySelector('.mud-table-loading, .mud-skeleton')");
            problems.AddRange(Located(path, await page.EvaluateAsync<string[]>(StructureProblems)));
        }

        Assert.Empty(problems);
    }

    /// <summary>
    /// Links and buttons in a table's rows smaller than 24 by 24 CSS pixels (WCAG 2.2, 2.5.8), or whose edges a click does
    /// not reach (cut off by a box around them), as sentences.
    /// </summary>
    private const string SmallTargets = """
        async () => {
            const problems = [];
            const targets = [...document.querySelectorAll('tbody a[href], tbody button, tbody [role=button]')].filter(e => e.getClientRects().length);
            if (targets.length === 0) return ['no link or button in any table row'];
            for (const e of targets) {
                e.scrollIntoView({ block: 'center', inline: 'nearest' });
                const r = e.getBoundingClientRect();
                const name = (e.getAttribute('aria-label') || e.textContent).trim().slice(0, 30);
                if (r.width < 24 || r.height < 24) {
                    problems.push(`"${name}" is ${r.width.toFixed(1)} x ${r.height.toFixed(1)} px`);
                    continue;
                }
                // The left end, where even a long name that is cut off shows: its top and bottom rows of pixels.
                const x = r.left + 12;
                for (const y of [r.top + 1, r.bottom - 1]) {
                    const hit = document.elementFromPoint(x, y);
                    if (!hit || !e.contains(hit)) problems.push(`"${name}" is not reached at ${Math.round(x)},${Math.round(y)} (${hit?.tagName})`);
                }
            }
            return problems;
        }
        """;

    [Theory]
    [InlineData(1280, false)]
    [InlineData(390, true)]
    public async Task TableRows_LinksAndButtons_AreAtLeast24PixelsSquare(int width, bool dark)
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Respond("/billing", (_, _) => new ReceiverResponse(503, "busy"));
        await using var app = ServedApp.Start(new Dictionary<string, string?>(ConsoleSignIn.BootstrapAdmin) { ["Dispatcher:AllowPrivateNetworks"] = "true" });
        await SeedAsync(app, receiver);
        var accountId = await app.App.DefaultAccountIdAsync();
        // A one-letter name: its link is narrower than 24 px unless the target is made wider than the text.
        var tiny = await app.App.Data.AddWebhookAsync(accountId, receiver.Url("/x"), w => (w.Name, w.Enabled, w.DisabledReason) = ("X", false, "410 Gone"));
        await app.App.Data.AddFinishedDeliveryAsync(accountId, tiny.Id, DateTime.UtcNow.AddMinutes(-1));
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await page.SetViewportSizeAsync(width, 900);
        await browser.SignInAsync();
        await SetDarkModeAsync(browser, dark);

        var problems = new List<string>();
        foreach (var path in new[] { "/", "/webhooks", "/environments", "/event-types", "/deliveries", "/tokens", "/accounts", "/audit" })
        {
            await browser.GotoAsync(path);
            await Expect(page.Locator("tbody tr").First).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => !document.querySelector('.mud-table-loading, .mud-skeleton')");
            problems.AddRange(Located(path, await page.EvaluateAsync<string[]>(SmallTargets)));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task SignOut_IsReachedWithTheArrowKeys_FromTheUserMenu()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await browser.SignInAsync();
        await browser.GotoAsync("/webhooks");

        await page.FocusAsync("#user-menu button");
        await page.Keyboard.PressAsync("Enter");
        // The open menu takes the focus once its keys are wired up; an arrow pressed before then goes to the page.
        await page.WaitForFunctionAsync("() => document.activeElement?.closest('.mud-popover-open [role=menu]') != null");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("#sign-out")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task KeyboardFocus_ShowsARing_OnTheTopBarAndARowsButtons(bool dark)
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await app.App.Data.AddWebhookAsync(await app.App.DefaultAccountIdAsync(), "https://crm.example.com/in", w => w.Name = "CRM");
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await browser.SignInAsync();
        await browser.GotoAsync("/webhooks");
        await SetDarkModeAsync(browser, dark);
        await Expect(page.Locator("#webhooks-table tbody tr button[aria-label='Edit webhook CRM']")).ToBeVisibleAsync();
        // From the top bar's first button on, as a keyboard user goes: the top bar, the drawer's links, the page's
        // buttons, then the first row's.
        await page.FocusAsync("button[aria-label=Menu]");
        var stops = new List<string>();
        while (stops.Count < 40 && !stops.Any(s => s.StartsWith("Edit webhook CRM:", StringComparison.Ordinal)))
        {
            await page.Keyboard.PressAsync("Tab");
            stops.Add(await page.EvaluateAsync<string>("""
                () => {
                    const e = document.activeElement, s = getComputedStyle(e);
                    const kind = e.matches('button, a[href]') ? '' : ' (field)';
                    return `${e.getAttribute('aria-label') || e.textContent.trim().slice(0, 20)}:${kind} ${s.outlineStyle} ${s.outlineWidth}`;
                }
                """));
        }

        Assert.Contains(stops, s => s.StartsWith("Edit webhook CRM:", StringComparison.Ordinal));
        // Text fields and selects show focus with MudBlazor's own border; every button and link shows a solid ring.
        Assert.All(stops.Where(s => !s.Contains("(field)", StringComparison.Ordinal)), s => Assert.Matches(@": solid [2-9](\.\d+)?px$", s));
    }

    [Theory]
    [InlineData("/environments", "#new-environment", "#environment-name")]
    [InlineData("/tokens", "#new-token", "#token-name")]
    [InlineData("/event-types", "#new-event-type", "#event-type-name")]
    public async Task NewItemDialog_PutsTheCursorInItsFirstField_SoTypingNeedsNoClick(string path, string opener, string field)
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await browser.SignInAsync();
        await browser.GotoAsync(path);

        await page.FocusAsync(opener);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator(field)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("typed");
        await Expect(page.Locator(field)).ToHaveValueAsync("typed");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task StatusChipsFiguresAndAlerts_ReadAtWcagAA(bool dark)
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        var accountId = await app.App.DefaultAccountIdAsync();
        var now = DateTime.UtcNow;
        var crm = await app.App.Data.AddWebhookAsync(accountId, "https://crm.example.com/in", w => w.Name = "CRM");
        var billing = await app.App.Data.AddWebhookAsync(accountId, "https://billing.example.com/in",
            w => (w.Name, w.Enabled, w.DisabledReason) = ("Billing", false, "5 deliveries in a row failed; last: receiver answered 500"));
        await app.App.Data.AddFinishedDeliveryAsync(accountId, crm.Id, now.AddMinutes(-2), DeliveryStatus.Succeeded);
        await app.App.Data.AddFinishedDeliveryAsync(accountId, crm.Id, now.AddMinutes(-1));
        await app.App.Data.AddFinishedDeliveryAsync(accountId, billing.Id, now.AddMinutes(-1));
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        var page = browser.Page;
        await browser.SignInAsync();
        await browser.GotoAsync("/");
        await SetDarkModeAsync(browser, dark);
        var problems = new List<string>();

        await Expect(page.Locator($"#reenable-{billing.Id}")).ToBeVisibleAsync();
        problems.AddRange(Located("dashboard", await LowContrastTextAsync(page, dark,
            ".mud-chip-content, .reenable-button .mud-button-label, [data-cell=rate] .mud-typography, [data-stat]")));

        await browser.GotoAsync("/webhooks");
        await Expect(page.Locator("#webhooks-table tbody tr")).ToHaveCountAsync(2);
        problems.AddRange(Located("webhooks", await LowContrastTextAsync(page, dark, "#webhooks-table .mud-chip-content")));

        // The account has no environment yet: the edit page says so in a warning.
        await browser.GotoAsync("/webhooks/new");
        problems.AddRange(Located("new webhook", await LowContrastTextAsync(page, dark, ".mud-alert-message")));

        Assert.Empty(problems);
    }

    // A page opens light and turns dark once interactive, and the colours ease over: measure them once settled.
    private static async Task<string[]> LowContrastTextAsync(IPage page, bool dark, string selector)
    {
        await Expect(page.Locator("#console-ready")).ToHaveAttributeAsync("data-dark", dark ? "true" : "false");
        await page.EvaluateAsync(
            "() => Promise.all(document.getAnimations()"
            + ".filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)"
            + ".map(a => a.finished.catch(() => null)))");
        return await page.EvaluateAsync<string[]>(LowContrastText, selector);
    }

    private static IEnumerable<string> Located(string where, IEnumerable<string> problems) => problems.Select(p => $"{where}: {p}");

    private static async Task SetDarkModeAsync(ConsoleBrowser browser, bool dark)
    {
        var ready = browser.Page.Locator("#console-ready");
        if (dark)
        {
            await browser.Page.ClickAsync("button[aria-label='Toggle dark mode']");
        }
        await Expect(ready).ToHaveAttributeAsync("data-dark", dark ? "true" : "false");
    }

    /// <summary>
    /// A webhook that answers 503 to a test send (so its delivery has an attempt with headers and bodies), one more in
    /// an environment, and a second account: every page has rows, chips and code boxes to check.
    /// </summary>
    private static async Task<(Guid Webhook, Guid Delivery)> SeedAsync(ServedApp app, TestReceiver receiver)
    {
        var accountId = await app.App.DefaultAccountIdAsync();
        var billing = await app.App.Data.AddWebhookAsync(accountId, receiver.Url("/billing"), w => (w.Name, w.EventType) = ("Billing", "Call:Hangup"));
        var crm = await app.App.Data.AddWebhookAsync(accountId, receiver.Url("/crm"), w => w.Name = "CRM");
        await app.App.Data.AddEnvironmentAsync(accountId, "production", billing.Id, crm.Id);
        await app.App.Data.AddFinishedDeliveryAsync(accountId, crm.Id, DateTime.UtcNow.AddMinutes(-5), DeliveryStatus.Succeeded);
        await app.App.Data.AddAccountWithTokenAsync("Acme Voice");
        using var api = app.CreateApiClient();
        var response = await api.PostAsync($"/api/v1/accounts/{accountId}/webhooks/{billing.Id}/test", null);
        response.EnsureSuccessStatusCode();
        var attempt = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (billing.Id, attempt.GetProperty("data").GetProperty("delivery_id").GetGuid());
    }
}
