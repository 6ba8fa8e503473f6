using Microsoft.AspNetCore.Identity;

namespace WebhookConsole.Features.Identity;

/// <summary>A console administrator (ASP.NET Core Identity user).</summary>
internal sealed class AdminUser : IdentityUser
{
}
