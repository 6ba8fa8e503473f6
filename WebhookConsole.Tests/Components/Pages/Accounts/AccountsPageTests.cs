using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Api;
using WebhookConsole.Components.Pages.Accounts;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components.Pages.Accounts;

[Collection(AppCollection.Name)]
public sealed class AccountsPageTests : ConsoleTestContext
{
    private static string? SelectedRow(IRenderedComponent<AccountsPage> page) =>
        page.FindAll("#accounts-table tbody tr").SingleOrDefault(r => r.QuerySelector(".mud-chip") is not null)?.QuerySelector("td")?.TextContent.Trim();

    [Fact]
    public async Task SelectedMark_MovesToTheAccount_WhenSwitchedInTheTopBar()
    {
        var acme = await App.Services.GetRequiredService<AccountService>().CreateAsync("Acme", new FieldErrors(), CancellationToken.None);
        var page = RenderInConsole<AccountsPage>();
        page.WaitForAssertion(() => Assert.Equal("Default", SelectedRow(page)));

        // The account switcher in the top bar calls the same service of the circuit.
        await page.InvokeAsync(() => Services.GetRequiredService<SelectedAccount>().SelectAsync(acme!));

        page.WaitForAssertion(() => Assert.Equal("Acme", SelectedRow(page)));
    }

    [Fact]
    public async Task Create_ShowsTheFaultOnTheField_WhenNameHoldsAControlCharacter()
    {
        var page = RenderInConsole<AccountsPage>();
        page.WaitForAssertion(() => Assert.Equal("Default", SelectedRow(page)));

        page.Find("#account-name").Input("Acme\u0085");
        page.Find("#create-account").Click();

        page.WaitForAssertion(() => Assert.Contains("Name cannot contain line breaks or control characters.",
            page.Find("#account-name").Closest(".mud-input-control")!.TextContent));
        Assert.DoesNotContain(await App.Services.GetRequiredService<AccountService>().ListAsync(CancellationToken.None), a => a.Name.StartsWith("Acme"));
    }

    [Fact]
    public async Task RowButtons_NameTheirAccount()
    {
        await App.Services.GetRequiredService<AccountService>().CreateAsync("Acme", new FieldErrors(), CancellationToken.None);

        var page = RenderInConsole<AccountsPage>();

        page.WaitForAssertion(() => Assert.Equal(
            ["Copy the id of account Acme", "Switch to account Acme"],
            page.FindAll("#accounts-table tbody tr").Single(r => r.TextContent.Contains("Acme")).QuerySelectorAll("button").Select(b => b.GetAttribute("aria-label"))));
    }
}
