using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using WebhookConsole.Data;

namespace WebhookConsole.Features.Identity;

internal static class IdentityServiceExtensions
{
    public const string LoginPath = "/Account/Login";

    public static WebApplicationBuilder AddAdminIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, AdminAuthenticationStateProvider>();
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "WebhookConsole.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.LoginPath = LoginPath;
            options.AccessDeniedPath = LoginPath;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // Sign-in honours ?ReturnUrl= itself; its own redirect would put the raw value in the Location header.
            options.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(ReturnUrls.Local(context.RedirectUri));
                return Task.CompletedTask;
            };
        });
        // Requests check the admin's security stamp as often as open console tabs do, so a cookie kept from before
        // a sign-out stops working within seconds, not the framework's default half hour.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = AdminAuthenticationStateProvider.Interval);
        builder.Services.AddAuthorization();

        builder.Services.AddIdentityCore<AdminUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AdminSignInManager>()
            .AddDefaultTokenProviders();
        builder.Services.AddSingleton<UnknownAdminPassword>();
        builder.Services.AddScoped<AdminBootstrapper>();
        builder.Services.AddSingleton<AdminService>();
        return builder;
    }

    /// <summary>After the console's error pages, so a re-executed error page is authorized like any request.</summary>
    public static WebApplication UseAdminIdentity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Sign-out, and the Hangfire dashboard for signed-in admins only.</summary>
    public static WebApplication MapAdminIdentity(this WebApplication app)
    {
        app.MapPost("/Account/Logout", SignOutAsync).ExcludeFromDescription();

        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            // Endpoint authorization below decides who gets in; Hangfire's own filter would allow local requests only.
            Authorization = [],
            AppPath = "/",
            DashboardTitle = "WebhookConsole jobs",
        }).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> SignOutAsync(
        HttpContext http, IAntiforgery antiforgery, SignInManager<AdminUser> signIn, UserManager<AdminUser> users, ClaimsPrincipal principal)
    {
        // The user menu's form carries a token. The framework checks it only for endpoints that bind a form, so it is
        // checked here: without it, a page of the same site (another app on this host, say) could post this form with
        // the admin's cookie and end every session of that admin.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Text("The sign-out form has expired: reload the page and sign out again.", statusCode: StatusCodes.Status400BadRequest);
        }
        // A new stamp ends this admin's other sessions too, open console tabs among them (they check it).
        if (await users.GetUserAsync(principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect(LoginPath);
    }
}
