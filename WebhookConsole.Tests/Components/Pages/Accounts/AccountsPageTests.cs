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
}
