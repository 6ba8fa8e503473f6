using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Api;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Identity;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Accounts;

[Collection(AppCollection.Name)]
public sealed class SelectedAccountTests : ConsoleTestContext
{
    private AccountService Accounts => App.Services.GetRequiredService<AccountService>();

    /// <summary>What a new page load or another tab of the same admin starts with.</summary>
    private SelectedAccount NewCircuit() => new(Accounts, Services.GetRequiredService<AuthenticationStateProvider>());

    private async Task SignInAsNewAdminAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        var admin = new AdminUser { UserName = email, Email = email };
        Assert.True((await users.CreateAsync(admin)).Succeeded);
        Authorization.SetAuthorized(email);
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, admin.Id));
    }

    [Fact]
    public async Task EnsureAsync_StartsAtTheAccountTheAdminChoseLast_InANewCircuit()
    {
        await SignInAsNewAdminAsync("first@example.com");
        var defaultId = (await Accounts.EnsureDefaultAsync(CancellationToken.None)).Id;
        var acme = await Accounts.CreateAsync("Acme " + Guid.NewGuid().ToString("N")[..6], new FieldErrors(), CancellationToken.None);
        var current = Services.GetRequiredService<SelectedAccount>();
        Assert.Equal(defaultId, await current.EnsureAsync());

        await current.SelectAsync(acme!);

        var reloaded = NewCircuit();
        Assert.Equal(acme!.Id, await reloaded.EnsureAsync());
        Assert.Equal(acme.Name, reloaded.Name);
        await SignInAsNewAdminAsync("second@example.com");
        Assert.Equal(defaultId, await NewCircuit().EnsureAsync());
    }
}
