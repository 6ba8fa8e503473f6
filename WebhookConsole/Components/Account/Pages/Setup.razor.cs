using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebhookConsole.Features.Identity;

namespace WebhookConsole.Components.Account.Pages;

public partial class Setup
{
    private readonly List<string> errors = [];
    private bool closed;

    [Inject] private SignInManager<AdminUser> SignInManager { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IOptions<IdentityOptions> Identity { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    [SupplyParameterFromForm] private SetupInput Input { get; set; } = default!;

    private string PasswordHint => PasswordRules.Describe(Identity.Value.Password);

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        closed = await SignInManager.UserManager.Users.AnyAsync();
    }

    private async Task CreateAsync()
    {
        // Checked again at submit: the page is only a door while no admin exists.
        if (await SignInManager.UserManager.Users.AnyAsync())
        {
            closed = true;
            return;
        }
        var email = Input.Email.Trim();
        var admin = new AdminUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = Time.GetUtcNow().UtcDateTime };
        var result = await SignInManager.UserManager.CreateAsync(admin, Input.Password);
        if (!result.Succeeded)
        {
            errors.AddRange(result.Errors.Select(e => e.Description));
            return;
        }
        await SignInManager.SignInAsync(admin, isPersistent: false);
        Navigation.NavigateTo("/", forceLoad: true);
    }
}
