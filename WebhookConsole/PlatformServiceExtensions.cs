using Microsoft.AspNetCore.DataProtection;
using WebhookConsole.Data;

namespace WebhookConsole;

internal static class PlatformServiceExtensions
{
    /// <summary>
    /// Categories that write what they carry below Information: SignalR every value typed into the console (a
    /// webhook's secret among them), Data Protection the keys of the key ring. Turning up the framework's logging as a
    /// whole (<c>Logging__LogLevel__Microsoft.AspNetCore=Debug</c>) leaves these at Information.
    /// </summary>
    public static readonly string[] CategoriesCarryingSecrets =
        ["Microsoft.AspNetCore.SignalR", "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.DataProtection"];

    /// <summary>Services every feature leans on: the clock, the key ring that encrypts secrets, logging that keeps them out.</summary>
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        foreach (var category in CategoriesCarryingSecrets)
        {
            builder.Logging.AddFilter(category, LogLevel.Information);
        }
        builder.Services.AddSingleton(TimeProvider.System);
        // Keys live in the database, so every node of a cluster and every restart can read the secrets.
        builder.Services.AddDataProtection()
            .SetApplicationName("WebhookConsole")
            .PersistKeysToDbContext<AppDbContext>();
        return builder;
    }
}
