using WebhookConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace WebhookConsole.Tests.Browser;

[Collection(AppCollection.Name)]
public sealed class AdminsBrowserTests(BrowserFixture browsers)
{
    [Fact]
    public async Task AddAdmin_AddsTheAdminOnceAndShowsNoFault_WhenDoubleClicked()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        await browser.SignInAsync();
        await browser.GotoAsync("/admins");
        await browser.Page.FillAsync("#admin-email", "second@example.com");
        await browser.Page.FillAsync("#admin-password", "An0ther!Passw0rd");

        // The second click reaches the page after the first has added the admin and emptied the form.
        await browser.Page.DblClickAsync("#add-admin");

        await Expect(browser.Page.Locator(".mud-snackbar")).ToContainTextAsync("Admin 'second@example.com' added");
        await Expect(browser.Page.Locator("#admins-table tbody tr").Filter(new() { HasText = "second@example.com" })).ToHaveCountAsync(1);
        await Expect(browser.Page.Locator("#admin-email")).ToHaveValueAsync("");
        await Expect(browser.Page.Locator(".mud-input-error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AddAdmin_AddsTheAdmin_WhenEnterIsPressedInThePassword()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        await browser.SignInAsync();
        await browser.GotoAsync("/admins");

        await browser.Page.FillAsync("#admin-email", "second@example.com");
        await browser.Page.FillAsync("#admin-password", "An0ther!Passw0rd");
        await browser.Page.PressAsync("#admin-password", "Enter");

        await Expect(browser.Page.Locator("#admins-table tbody tr").Filter(new() { HasText = "second@example.com" })).ToHaveCountAsync(1);
    }
}
