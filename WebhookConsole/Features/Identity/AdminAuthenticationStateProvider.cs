using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace WebhookConsole.Features.Identity;

/// <summary>
/// A console tab's sign-in, checked again while its circuit lives: a circuit keeps the user it started with, so
/// without this a tab left open kept acting as the admin after a sign-out elsewhere. The admin must still exist and
/// carry the security stamp the sign-in did; signing out changes the stamp, which ends every open tab of that admin
/// within <see cref="Interval"/>.
/// </summary>
internal sealed class AdminAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identity) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    /// <summary>How often an open tab's sign-in is checked.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null)
        {
            return false;
        }
        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }
        var signedInWith = authenticationState.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return signedInWith == await users.GetSecurityStampAsync(user);
    }
}
