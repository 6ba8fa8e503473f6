using Microsoft.AspNetCore.DataProtection;
using WebhookConsole.Data;

namespace WebhookConsole;

internal static class PlatformServiceExtensions
{
    /// <summary>Services every feature leans on: the clock and the key ring that encrypts secrets.</summary>
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        // Keys live in the database, so every node of a cluster and every restart can read the secrets.
        builder.Services.AddDataProtection()
            .SetApplicationName("WebhookConsole")
            .PersistKeysToDbContext<AppDbContext>();
        return builder;
    }
}
