using Microsoft.AspNetCore.DataProtection;

namespace WebhookConsole.Dispatching;

/// <summary>Encrypts webhook secrets at rest with ASP.NET Core Data Protection.</summary>
internal sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("WebhookConsole.WebhookSecret.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
