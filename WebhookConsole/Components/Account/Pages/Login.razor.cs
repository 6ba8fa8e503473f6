using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebhookConsole.Features.Identity;

namespace WebhookConsole.Components.Account.Pages;

public partial class Login
{
    private string? error;
    private bool firstRun;

    [Inject] private SignInManager<AdminUser> SignInManager { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IOptions<IdentityOptions> IdentityOptions { get; set; } = default!;

    [SupplyParameterFromForm] private LoginInput Input { get; set; } = default!;

    [SupplyParameterFromQuery] private string? ReturnUrl { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        firstRun = !await SignInManager.UserManager.Users.AnyAsync();
    }

    private async Task SignInAsync()
    {
        var result = await SignInManager.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Navigation.NavigateTo(ReturnUrls.Local(ReturnUrl), forceLoad: true);
            return;
        }
        // One message for a wrong email, a wrong password and a locked account, so the form does not reveal which
        // admins exist (only an existing one can be locked).
        var lockout = IdentityOptions.Value.Lockout;
        error = $"The email or password is not right, or the account is locked for {lockout.DefaultLockoutTimeSpan.TotalMinutes:0} minutes "
            + $"after {lockout.MaxFailedAccessAttempts} wrong passwords.";
    }
}
