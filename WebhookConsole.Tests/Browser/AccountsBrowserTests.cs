using WebhookConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace WebhookConsole.Tests.Browser;

[Collection(AppCollection.Name)]
public sealed class AccountsBrowserTests(BrowserFixture browsers)
{
    [Fact]
    public async Task ChosenAccount_StaysChosen_AfterAReloadAndInANewTab()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        await browser.SignInAsync();
        await browser.GotoAsync("/accounts");
        await browser.WaitForInteractiveAsync();
        await browser.Page.FillAsync("#account-name", "Acme Voice");
        await browser.Page.ClickAsync("#create-account");
        await browser.Page.Locator("#accounts-table tr").Filter(new() { HasText = "Acme Voice" }).Locator("button").Filter(new() { HasText = "Switch to" }).ClickAsync();
        await Expect(browser.Page.Locator("#account-switcher button")).ToContainTextAsync("Acme Voice");

        await browser.Page.ReloadAsync();
        await browser.WaitForInteractiveAsync();

        await Expect(browser.Page.Locator("#account-switcher button")).ToContainTextAsync("Acme Voice");
        var other = await browser.Page.Context.NewPageAsync();
        await other.GotoAsync("/webhooks");
        await Expect(other.Locator("#account-switcher button")).ToContainTextAsync("Acme Voice");
    }

    [Fact]
    public async Task Create_AddsTheAccountOnceAndShowsNoFault_WhenDoubleClicked()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        await browser.SignInAsync();
        await browser.GotoAsync("/accounts");
        await browser.Page.FillAsync("#account-name", "Acme Voice");

        // The second click reaches the page after the first has created the account and emptied the field.
        await browser.Page.DblClickAsync("#create-account");

        await Expect(browser.Page.Locator(".mud-snackbar")).ToContainTextAsync("Account 'Acme Voice' created");
        await Expect(browser.Page.Locator("#accounts-table tbody tr").Filter(new() { HasText = "Acme Voice" })).ToHaveCountAsync(1);
        await Expect(browser.Page.Locator("#account-name")).ToHaveValueAsync("");
        await Expect(browser.Page.Locator(".mud-input-error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Create_AddsTheAccount_WhenEnterIsPressedInTheName()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        await browser.SignInAsync();
        await browser.GotoAsync("/accounts");

        await browser.Page.FillAsync("#account-name", "Acme Voice");
        await browser.Page.PressAsync("#account-name", "Enter");

        await Expect(browser.Page.Locator("#accounts-table tbody tr").Filter(new() { HasText = "Acme Voice" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task LinkToAnotherAccountsWebhook_SwitchesToThatAccount_WithANotice()
    {
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        var webhook = await app.App.Data.AddWebhookAsync(await app.App.DefaultAccountIdAsync(), "https://crm.example.com/calls", w => w.Name = "Default CRM");
        await using var browser = await ConsoleBrowser.OpenAsync(browsers, app);
        await browser.SignInAsync();
        await browser.GotoAsync("/accounts");
        await browser.WaitForInteractiveAsync();
        await browser.Page.FillAsync("#account-name", "Acme Voice");
        await browser.Page.ClickAsync("#create-account");
        await browser.Page.Locator("#accounts-table tr").Filter(new() { HasText = "Acme Voice" }).Locator("button").Filter(new() { HasText = "Switch to" }).ClickAsync();
        await Expect(browser.Page.Locator("#account-switcher button")).ToContainTextAsync("Acme Voice");

        await browser.GotoAsync($"/webhooks/{webhook.Id}");

        await Expect(browser.Page.Locator(".mud-snackbar")).ToContainTextAsync("Switched to account 'Default', which this webhook belongs to.");
        await Expect(browser.Page.Locator("#webhook-url")).ToHaveValueAsync("https://crm.example.com/calls");
        await Expect(browser.Page.Locator("#account-switcher button")).ToContainTextAsync("Default");
    }
}
