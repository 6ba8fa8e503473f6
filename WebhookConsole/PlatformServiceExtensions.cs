using Microsoft.AspNetCore.DataProtection;
using WebhookConsole.Data;
using WebhookConsole.Hosting;

namespace WebhookConsole;

internal static class PlatformServiceExtensions
{
    /// <summary>A PKCS #12 file whose certificate encrypts the key ring's keys where they are stored.</summary>
    public const string KeyCertificatePathKey = "DataProtection:CertificatePath";

    public const string KeyCertificatePasswordKey = "DataProtection:CertificatePassword";

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
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("WebhookConsole")
            .PersistKeysToDbContext<AppDbContext>();
        // Without a certificate a copy of the database (a backup, say) holds both the secrets and the keys to them.
        if (builder.Configuration[KeyCertificatePathKey] is { Length: > 0 } certificatePath)
        {
            try
            {
                var certificate = KeyRingCertificate.Load(certificatePath, builder.Configuration[KeyCertificatePasswordKey]);
                dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
            }
            catch (StartupException ex)
            {
                // Logging does not exist yet: the check at start refuses it, before any key is made or read.
                StartupRefusal.Register(builder.Services, ex.Message);
            }
        }
        return builder;
    }
}
