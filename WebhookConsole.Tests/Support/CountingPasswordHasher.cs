using Microsoft.AspNetCore.Identity;
using WebhookConsole.Features.Identity;

namespace WebhookConsole.Tests.Support;

/// <summary>Identity's password hasher, counting the passwords it checks against a hash.</summary>
internal sealed class CountingPasswordHasher : IPasswordHasher<AdminUser>
{
    private readonly PasswordHasher<AdminUser> inner = new();
    private int verifications;

    public int Verifications => Volatile.Read(ref verifications);

    public string HashPassword(AdminUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AdminUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
