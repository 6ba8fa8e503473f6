namespace WebhookConsole.Features.Identity;

/// <summary>An admin as the admins page lists it.</summary>
/// <param name="CreatedAt">When the admin was added (UTC).</param>
/// <param name="LockedOutUntil">When a lock-out after too many wrong passwords ends; null when the admin can sign in.</param>
internal sealed record AdminSummary(string Id, string Email, DateTime CreatedAt, DateTimeOffset? LockedOutUntil);
