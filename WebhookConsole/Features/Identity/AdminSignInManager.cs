using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace WebhookConsole.Features.Identity;

/// <summary>
/// Identity's sign-in, answering as slowly for an unknown email or a locked account as for a wrong password: the
/// framework checks no password in those cases, and the time saved would tell who is an admin.
/// </summary>
internal sealed class AdminSignInManager(
    UserManager<AdminUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AdminUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AdminUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AdminUser> confirmation,
    UnknownAdminPassword unknownAdmin)
    : SignInManager<AdminUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }
        unknownAdmin.Check(UserManager.PasswordHasher, password);
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AdminUser user, string password, bool lockoutOnFailure)
    {
        // A locked account is refused before its password is looked at; a password is checked all the same, but not
        // the account's own, which must not count as a failure or reveal whether it was right.
        if (await PreSignInCheck(user) is { } refused)
        {
            unknownAdmin.Check(UserManager.PasswordHasher, password);
            return refused;
        }
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }
}
