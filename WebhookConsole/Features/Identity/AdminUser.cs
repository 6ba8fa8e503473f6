using Microsoft.AspNetCore.Identity;

namespace WebhookConsole.Features.Identity;

/// <summary>A console administrator (ASP.NET Core Identity user).</summary>
internal sealed class AdminUser : IdentityUser
{
    /// <summary>The account the console last showed this admin: a new page or tab starts there, not at the default.</summary>
    public Guid? SelectedAccountId { get; set; }

    /// <summary>When the admin was added (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
