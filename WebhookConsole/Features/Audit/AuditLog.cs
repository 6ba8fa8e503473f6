using WebhookConsole.Data;

namespace WebhookConsole.Features.Audit;

/// <summary>
/// Adds an audit entry to the caller's context, so it is written by the same <c>SaveChanges</c> (and transaction)
/// as the change it describes: both are stored, or neither.
/// </summary>
internal sealed class AuditLog(AuditActor actor, TimeProvider time)
{
    /// <param name="before">The entity before the change; null when it is created.</param>
    /// <param name="after">The entity after the change; null when it is deleted.</param>
    /// <param name="actorName">Overrides the current actor, e.g. <c>system</c> for the dispatcher.</param>
    public AuditEntry Record(AppDbContext db, string action, AuditSnapshot? before, AuditSnapshot? after, string? actorName = null)
    {
        var entry = Entry(action, before, after, actorName);
        db.Add(entry);
        return entry;
    }

    /// <summary>The entry <see cref="Record"/> adds, for a caller that writes it itself (the SQLite writer).</summary>
    public AuditEntry Entry(string action, AuditSnapshot? before, AuditSnapshot? after, string? actorName = null)
    {
        var entity = after ?? before ?? throw new ArgumentException("An audit entry needs the entity before or after the change.");
        return new AuditEntry
        {
            Id = Guid.CreateVersion7(),
            AccountId = entity.AccountId,
            OccurredAt = time.GetUtcNow().UtcDateTime,
            Actor = Truncate(actorName ?? actor.Current, AuditEntryLimits.Actor),
            Action = action,
            EntityType = entity.EntityType,
            EntityId = entity.EntityId.ToString(),
            EntityName = entity.EntityName is null ? null : Truncate(entity.EntityName, AuditEntryLimits.EntityName),
            BeforeJson = before?.Json.ToJsonString(),
            AfterJson = after?.Json.ToJsonString(),
        };
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
