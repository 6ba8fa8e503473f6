using Microsoft.Playwright;
using WebhookConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace WebhookConsole.Tests.Browser;

[Collection(AppCollection.Name)]
public sealed class LayoutBrowserTests(BrowserFixture browsers)
{
    [Fact]
    public async Task Escape_ClosesTheDialog_WhenItIsNotSaving()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        await browser.SignInAsync();
        await browser.GotoAsync("/event-types");
        var dialog = browser.Page.Locator(".mud-dialog");

        await browser.Page.ClickAsync("#new-event-type");
        await Expect(browser.Page.Locator("#event-type-name")).ToBeVisibleAsync();
        await FocusInDialogAsync(browser.Page);
        await browser.Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);

        await browser.Page.Locator("#event-types-table button[aria-label^='Delete event type ']").First.ClickAsync();
        await Expect(browser.Page.Locator("#confirm-yes")).ToBeVisibleAsync();
        await FocusInDialogAsync(browser.Page);
        await browser.Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task DarkMode_IsKept_AfterAReloadAndOnAnotherPage()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        await browser.SignInAsync();
        await browser.GotoAsync("/");
        await browser.WaitForInteractiveAsync();
        var ready = browser.Page.Locator("#console-ready");

        await browser.Page.ClickAsync("button[aria-label='Toggle dark mode']");
        await Expect(ready).ToHaveAttributeAsync("data-dark", "true");
        await browser.Page.ReloadAsync();
        await browser.WaitForInteractiveAsync();
        await Expect(ready).ToHaveAttributeAsync("data-dark", "true");
        await browser.GotoAsync("/webhooks");
        await browser.WaitForInteractiveAsync();
        await Expect(ready).ToHaveAttributeAsync("data-dark", "true");

        await browser.Page.ClickAsync("button[aria-label='Toggle dark mode']");
        await Expect(ready).ToHaveAttributeAsync("data-dark", "false");
        await browser.Page.ReloadAsync();
        await browser.WaitForInteractiveAsync();
        await Expect(ready).ToHaveAttributeAsync("data-dark", "false");
    }

    [Fact]
    public async Task TopBar_KeepsTheUserMenuAndSignOutOnScreen_WhenThePhoneIs390PixelsWide()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        await browser.Page.SetViewportSizeAsync(390, 844);
        await browser.SignInAsync();
        await browser.GotoAsync("/");

        var userMenu = browser.Page.Locator("#user-menu button");
        await Expect(userMenu).ToBeVisibleAsync();
        AssertInViewport(await userMenu.BoundingBoxAsync(), "the user menu button");
        AssertInViewport(await browser.Page.Locator("button[aria-label='Toggle dark mode']").BoundingBoxAsync(), "the dark mode button");
        await browser.ScreenshotAsync("phone-top-bar");

        // A long account name is shortened rather than pushing the menu off screen.
        await browser.GotoAsync("/accounts");
        await browser.Page.FillAsync("#account-name", "Northwind Traders Customer Support Voice Agents");
        await browser.Page.ClickAsync("#create-account");
        await browser.Page.Locator("#accounts-table button").Filter(new() { HasText = "Switch to" }).ClickAsync();
        await Expect(browser.Page.Locator("#account-switcher button")).ToContainTextAsync("Northwind");
        AssertInViewport(await userMenu.BoundingBoxAsync(), "the user menu button with a long account name");

        await userMenu.ClickAsync();
        var signOut = browser.Page.Locator("#sign-out");
        await Expect(signOut).ToBeVisibleAsync();
        AssertInViewport(await signOut.BoundingBoxAsync(), "sign out");
        await signOut.ClickAsync();
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }

    [Fact]
    public async Task EditPageTitle_WrapsBesideTheBackAndSendTestButtons_WhenTheWebhooksNameIsLong()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        var webhook = await app.App.Data.AddWebhookAsync(await app.App.DefaultAccountIdAsync(), "https://crm.example.com/in",
            w => w.Name = "Customer relationship management production endpoint for the EMEA region, completed calls only " + new string('x', 60));
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        await browser.Page.SetViewportSizeAsync(1280, 900);
        await browser.SignInAsync();

        await browser.GotoAsync($"/webhooks/{webhook.Id}");

        var title = await browser.Page.Locator("h1").BoundingBoxAsync();
        var back = await browser.Page.Locator("#back-to-webhooks").BoundingBoxAsync();
        var sendTest = await browser.Page.Locator("#edit-send-test").BoundingBoxAsync();
        Assert.NotNull(title);
        Assert.NotNull(back);
        Assert.NotNull(sendTest);
        Assert.True(back.Y < title.Y + title.Height && title.Y < back.Y + back.Height, $"the back button (y {back.Y}) is on another line than the title (y {title.Y}..{title.Y + title.Height})");
        Assert.True(sendTest.Y < title.Y + title.Height && title.Y < sendTest.Y + sendTest.Height, $"Send test (y {sendTest.Y}) is on another line than the title (y {title.Y}..{title.Y + title.Height})");
        Assert.True(sendTest.X + sendTest.Width <= 1280, $"Send test ends at x {sendTest.X + sendTest.Width}");
        Assert.Equal(0, await browser.Page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task PageTitles_StandAtOneHeight_OnEveryPage(int width)
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        await browser.Page.SetViewportSizeAsync(width, 900);
        await browser.SignInAsync();

        var tops = new Dictionary<string, double>();
        foreach (var path in new[] { "/", "/webhooks", "/webhooks/new", "/environments", "/event-types", "/deliveries", "/tokens", "/accounts", "/admins", "/audit" })
        {
            await browser.GotoAsync(path);
            await Expect(browser.Page.Locator("h1")).ToBeVisibleAsync();
            // Where the title's letters are, whatever the size of its box.
            tops[path] = await browser.Page.EvaluateAsync<double>(
                "() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('h1')); return Math.round(r.getBoundingClientRect().top); }");
        }

        // Going from page to page, the title does not jump: every page's first line is as high as its refresh button.
        Assert.True(tops.Values.Distinct().Count() == 1, string.Join(", ", tops.Select(t => $"{t.Key} at {t.Value} px")));
    }

    // The dialog takes the focus once it is wired up in the browser; a key pressed before then goes to the page.
    private static Task FocusInDialogAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.activeElement?.closest('.mud-dialog') != null");

    private static void AssertInViewport(LocatorBoundingBoxResult? box, string what)
    {
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 390 && box.Y >= 0 && box.Y + box.Height <= 844,
            $"{what} is at x {box.X}..{box.X + box.Width}, y {box.Y}..{box.Y + box.Height}, outside 390x844");
    }
}
