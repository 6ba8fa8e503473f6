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

        await browser.Page.Locator("#event-types-table button[aria-label=Delete]").First.ClickAsync();
        await Expect(browser.Page.Locator("#confirm-yes")).ToBeVisibleAsync();
        await FocusInDialogAsync(browser.Page);
        await browser.Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
    }

    // The dialog takes the focus once it is wired up in the browser; a key pressed before then goes to the page.
    private static Task FocusInDialogAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.activeElement?.closest('.mud-dialog') != null");

}
