using Microsoft.AspNetCore.Identity;
using WebhookConsole.Data;

namespace WebhookConsole.Features.Identity;

internal static class IdentityServiceExtensions
{
    public static WebApplicationBuilder AddAdminIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<AdminUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
            })
            .AddEntityFrameworkStores<AppDbContext>();
        builder.Services.AddScoped<AdminBootstrapper>();
        return builder;
    }
}
