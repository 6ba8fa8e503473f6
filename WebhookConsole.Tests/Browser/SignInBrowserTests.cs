using WebhookConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace WebhookConsole.Tests.Browser;

[Collection(AppCollection.Name)]
public sealed class SignInBrowserTests(BrowserFixture browsers)
{
    [Fact]
    public async Task SignIn_OpensDashboard_AndSignOutReturnsToSignIn()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);

        await browser.Page.GotoAsync("/tokens");
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login\\?ReturnUrl=%2Ftokens$"));
        await browser.ScreenshotAsync("sign-in");
        await browser.Page.FillAsync("#email", ConsoleSignIn.AdminEmail);
        await browser.Page.FillAsync("#password", ConsoleSignIn.AdminPassword);
        await browser.Page.ClickAsync("#sign-in");
        await browser.WaitForInteractiveAsync();

        await Expect(browser.Page).ToHaveURLAsync(app.BaseUrl + "/tokens");
        await Expect(browser.Page.Locator("h1")).ToHaveTextAsync("API tokens");
        await browser.GotoAsync("/");
        await Expect(browser.Page.Locator("h1")).ToHaveTextAsync("Dashboard");

        await browser.Page.ClickAsync("#user-menu button");
        await browser.Page.ClickAsync("#sign-out");
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await browser.Page.GotoAsync("/");
        await Expect(browser.Page.Locator("#sign-in")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignOut_EndsTheOtherOpenTabs_AndSigningInAgainWorks()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        await browser.SignInAsync();
        await browser.GotoAsync("/tokens");
        var other = await browser.Page.Context.NewPageAsync();
        await other.GotoAsync("/tokens");
        await other.Locator("#console-ready[data-interactive=true]").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });

        await browser.Page.ClickAsync("#user-menu button");
        await browser.Page.ClickAsync("#sign-out");
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));

        // The other tab's circuit checks its sign-in again, finds it ended, and leaves for the sign-in page.
        await Expect(other).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login\\?ReturnUrl=%2Ftokens$"), new() { Timeout = 30_000 });
        await browser.SignInAsync();
        await browser.GotoAsync("/tokens");
        await Expect(browser.Page.Locator("h1")).ToHaveTextAsync("API tokens");
    }

    [Fact]
    public async Task SignIn_ShowsError_WhenPasswordIsWrong()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);

        await browser.Page.GotoAsync("/Account/Login");
        await browser.Page.FillAsync("#email", ConsoleSignIn.AdminEmail);
        await browser.Page.FillAsync("#password", "not-the-password");
        await browser.Page.ClickAsync("#sign-in");

        await Expect(browser.Page.Locator("#login-error")).ToHaveTextAsync("The email or password is not right, or the account is locked for 5 minutes after 5 wrong passwords.");
    }
}
