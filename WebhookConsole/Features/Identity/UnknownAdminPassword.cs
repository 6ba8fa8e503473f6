using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace WebhookConsole.Features.Identity;

/// <summary>
/// The hash of a random password no admin has, made once with the app's hasher and its settings, so checking a
/// password against it costs what checking an admin's does.
/// </summary>
internal sealed class UnknownAdminPassword
{
    private static readonly AdminUser Nobody = new();
    private string? hash;

    /// <summary>Checks <paramref name="password"/> against the hash, for the time it takes; the answer is always no.</summary>
    public void Check(IPasswordHasher<AdminUser> hasher, string password)
    {
        var stored = LazyInitializer.EnsureInitialized(ref hash, () => hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        hasher.VerifyHashedPassword(Nobody, stored, password);
    }
}
