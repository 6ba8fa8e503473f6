using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Encrypts webhook secrets at rest with ASP.NET Core Data Protection. Every signed delivery needs its webhook's
/// secret in the clear, so decrypted secrets are kept in memory by their encrypted form (which a rotation
/// replaces), sparing a decryption per delivery. They never leave the process.
/// </summary>
internal sealed class SecretProtector(IDataProtectionProvider provider)
{
    /// <summary>Past this many secrets the memory is emptied and filled again as deliveries need them.</summary>
    private const int MaxRemembered = 10_000;

    private readonly IDataProtector protector = provider.CreateProtector("WebhookConsole.WebhookSecret.v1");
    private readonly ConcurrentDictionary<string, string> unprotected = new(StringComparer.Ordinal);

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret)
    {
        if (unprotected.TryGetValue(protectedSecret, out var secret))
        {
            return secret;
        }
        secret = protector.Unprotect(protectedSecret);
        if (unprotected.Count >= MaxRemembered)
        {
            unprotected.Clear();
        }
        unprotected[protectedSecret] = secret;
        return secret;
    }
}
