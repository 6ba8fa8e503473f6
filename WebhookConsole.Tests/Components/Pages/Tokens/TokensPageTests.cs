using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Components.Pages.Tokens;
using WebhookConsole.Data;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components.Pages.Tokens;

[Collection(AppCollection.Name)]
public sealed class TokensPageTests : ConsoleTestContext
{
    [Fact]
    public async Task NewToken_IsShownOnceAndStoredHashed()
    {
        var page = RenderInConsole<TokensPage>();
        page.WaitForAssertion(() => Assert.Contains("wc_test", page.Find("#tokens-table").TextContent));

        page.Find("#new-token").Click();
        Host.WaitForElement("#token-name").Input("CRM sync");
        Host.Find("#create-token").Click();

        var shown = Host.WaitForElement("#token-value").GetAttribute("value")!;
        Assert.StartsWith("wc_", shown);
        Host.Find("#token-done").Click();
        page.WaitForAssertion(() => Assert.Contains("CRM sync", page.Find("#tokens-table").TextContent));
        Assert.DoesNotContain(shown, Host.Markup);
        await using var scope = App.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ApiTokens.SingleAsync(t => t.Name == "CRM sync");
        Assert.NotEqual(shown, stored.TokenHash);
    }

    [Fact]
    public void NewToken_AsksForAName_WhenNameIsBlank()
    {
        var page = RenderInConsole<TokensPage>();
        page.WaitForElement("#new-token").Click();

        Host.WaitForElement("#create-token").Click();

        Host.WaitForAssertion(() => Assert.Contains("Enter a name.", Host.Markup));
        Assert.Empty(Host.FindAll("#token-value"));
    }

    [Fact]
    public void Revoke_AsksFirstAndMarksTheTokenRevoked()
    {
        var page = RenderInConsole<TokensPage>();
        page.WaitForAssertion(() => Assert.Contains("Active", page.Find("#tokens-table").TextContent));

        page.Find("button[aria-label^='Revoke token ']").Click();
        Host.WaitForAssertion(() => Assert.Contains("will get 401 from now on", Host.Markup));
        Host.Find("#confirm-yes").Click();

        page.WaitForAssertion(() => Assert.Contains("Revoked", page.Find("#tokens-table").TextContent));
    }

    [Fact]
    public async Task NewToken_ShowsTheFaultOnTheField_WhenNameHoldsATab()
    {
        var page = RenderInConsole<TokensPage>();
        page.WaitForElement("#new-token").Click();

        Host.WaitForElement("#token-name").Input("CRM\tsync");
        Host.Find("#create-token").Click();

        Host.WaitForAssertion(() => Assert.Contains("Name cannot contain line breaks or control characters.",
            Host.Find("#token-name").Closest(".mud-input-control")!.TextContent));
        Assert.Empty(Host.FindAll("#token-value"));
        await using var scope = App.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().ApiTokens.AnyAsync(t => t.Name.StartsWith("CRM")));
    }

    [Fact]
    public void RowButtons_NameTheirToken()
    {
        var page = RenderInConsole<TokensPage>();

        page.WaitForAssertion(() => Assert.Equal(
            ["Revoke token bootstrap"], page.Find("#tokens-table tbody tr").QuerySelectorAll("button").Select(b => b.GetAttribute("aria-label"))));
    }
}
