using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WebhookConsole.Features.Bootstrap;
using WebhookConsole.Hosting;

namespace WebhookConsole.Features.Identity;

/// <summary>Creates the first admin from <c>Bootstrap:AdminEmail</c>/<c>Bootstrap:AdminPassword</c> when no admin exists.</summary>
internal sealed class AdminBootstrapper(
    UserManager<AdminUser> users,
    IOptions<BootstrapOptions> options,
    TimeProvider time,
    ILogger<AdminBootstrapper> logger)
{
    public async Task EnsureAdminAsync(CancellationToken cancellationToken)
    {
        var email = options.Value.AdminEmail?.Trim();
        var password = options.Value.AdminPassword;
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            return;
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (users.Users.Any())
        {
            return;
        }

        var admin = new AdminUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = time.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            // The reasons name password rules, never the password itself.
            var reasons = string.Join(" ", result.Errors.Select(e => e.Description));
            throw new StartupException($"Bootstrap:AdminEmail / Bootstrap:AdminPassword: the admin '{email}' could not be created: {reasons}");
        }
        logger.LogInformation("Created the bootstrap admin {Email}", email);
    }
}
