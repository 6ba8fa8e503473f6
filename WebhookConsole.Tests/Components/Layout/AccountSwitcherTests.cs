using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Api;
using WebhookConsole.Components.Layout;
using WebhookConsole.Components.Pages.Accounts;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components.Layout;

[Collection(AppCollection.Name)]
public sealed class AccountSwitcherTests : ConsoleTestContext
{
    private async Task<Account> CreateAccountAsync(string name)
    {
        var account = await App.Services.GetRequiredService<AccountService>().CreateAsync(name, new FieldErrors(), CancellationToken.None);
        return account!;
    }

    [Fact]
    public async Task Button_NamesTheNewAccount_WhenSwitchedOnTheAccountsPage()
    {
        await CreateAccountAsync("Acme");
        var page = RenderInConsole<AccountsPage>();
        var switcher = Render<AccountSwitcher>();
        switcher.WaitForAssertion(() => Assert.Equal("Default", switcher.Find("button").TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Contains("Acme", page.Find("#accounts-table").TextContent));

        page.FindAll("#accounts-table button").Single(b => b.TextContent.Trim() == "Switch to").Click();

        switcher.WaitForAssertion(() => Assert.Equal("Acme", switcher.Find("button").TextContent.Trim()));
    }

    [Fact]
    public async Task Menu_ListsAnAccount_WhenItWasCreatedAfterTheSwitcherLoaded()
    {
        var switcher = RenderInConsole<AccountSwitcher>();
        switcher.WaitForAssertion(() => Assert.Equal("Default", switcher.Find("button").TextContent.Trim()));
        await CreateAccountAsync("Acme");

        switcher.Find("button").Click();

        Host.WaitForAssertion(() => Assert.Equal(["Default", "Acme"], Host.FindAll(".mud-popover-open .mud-menu-item").Select(i => i.TextContent.Trim())));
    }
}
