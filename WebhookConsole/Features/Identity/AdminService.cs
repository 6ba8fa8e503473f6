using System.Data;
using System.Data.Common;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebhookConsole.Api;
using WebhookConsole.Data;
using WebhookConsole.Features.Audit;

namespace WebhookConsole.Features.Identity;

/// <summary>
/// Lists, adds and removes console admins. Each operation runs in its own scope, so Identity's user store and the
/// audit entry share one short-lived context and one transaction: the change and its entry are stored, or neither.
/// </summary>
internal sealed class AdminService(IServiceScopeFactory scopes, AuditLog audit, TimeProvider time)
{
    // The length the Identity schema gives Email and UserName.
    public const int MaxEmailLength = 256;

    public async Task<List<AdminSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        // Few rows; the lock-out is compared here because SQLite cannot compare DateTimeOffset values.
        var admins = await db.Users.AsNoTracking().Select(u => new { u.Id, u.Email, u.CreatedAt, u.LockoutEnd }).ToListAsync(cancellationToken);
        return admins
            .Select(a => new AdminSummary(a.Id, a.Email ?? "", a.CreatedAt, a.LockoutEnd > now ? a.LockoutEnd : null))
            .OrderBy(a => a.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// Adds an admin who signs in with <paramref name="email"/> and <paramref name="password"/>. Answers null with
    /// faults on <c>email</c> or <c>password</c> in <paramref name="errors"/> when Identity's rules refuse them.
    /// </summary>
    public async Task<AdminSummary?> AddAsync(string? email, string? password, FieldErrors errors, CancellationToken cancellationToken)
    {
        email = email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add("email", "required", "Enter an email.");
        }
        else if (email.Length > MaxEmailLength)
        {
            errors.Add("email", "too_long", $"An email has at most {MaxEmailLength} characters.");
        }
        if (string.IsNullOrEmpty(password))
        {
            errors.Add("password", "required", "Enter an initial password.");
        }
        if (errors.Any)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var admin = new AdminUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = time.GetUtcNow().UtcDateTime };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.CreateAsync(admin, password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                AddFault(errors, error);
            }
            return null;
        }
        audit.Record(db, AuditActions.AdminCreated, null, AuditSnapshot.Of(admin));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AdminSummary(admin.Id, admin.Email!, admin.CreatedAt, null);
    }

    /// <summary>
    /// Removes the admin <paramref name="adminId"/> on behalf of <paramref name="by"/>. The removed admin's sign-in
    /// cookies and open console tabs are refused within <see cref="AdminAuthenticationStateProvider.Interval"/>:
    /// both check that the admin still exists.
    /// </summary>
    public async Task<AdminRemoval> RemoveAsync(ClaimsPrincipal by, string adminId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (string.Equals(users.GetUserId(by), adminId, StringComparison.Ordinal))
        {
            return AdminRemoval.Self;
        }
        try
        {
            // Serializable: two admins removing each other at once must not leave the console with none.
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            var admin = await users.FindByIdAsync(adminId);
            if (admin is null)
            {
                return AdminRemoval.NotFound;
            }
            if (!await db.Users.AnyAsync(u => u.Id != adminId, cancellationToken))
            {
                return AdminRemoval.LastAdmin;
            }
            var result = await users.DeleteAsync(admin);
            if (!result.Succeeded)
            {
                // Identity's only refusal here is a concurrency failure: the admin changed since it was read.
                return AdminRemoval.Conflict;
            }
            audit.Record(db, AuditActions.AdminDeleted, AuditSnapshot.Of(admin), null);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return AdminRemoval.Removed;
        }
        catch (Exception e) when (IsSerializationFailure(e))
        {
            return AdminRemoval.Conflict;
        }
    }

    private static void AddFault(FieldErrors errors, IdentityError error)
    {
        switch (error.Code)
        {
            case nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName):
                errors.Add("email", "duplicate", "An admin with this email exists already.");
                break;
            case var code when code.StartsWith("Password", StringComparison.Ordinal):
                errors.Add("password", code, error.Description);
                break;
            default:
                // InvalidEmail, InvalidUserName (the email doubles as the user name): both are about the email.
                errors.Add("email", error.Code, error.Description);
                break;
        }
    }

    private static bool IsSerializationFailure(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DbException { SqlState: "40001" })
            {
                return true;
            }
        }
        return false;
    }
}
