using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;

namespace WebhookConsole.Features.Events;

/// <summary>Where an event goes: its environment, and the enabled webhooks subscribed there to its type, oldest first.</summary>
internal sealed record IngestRoute(Guid EnvironmentId, string EnvironmentName, List<Guid> WebhookIds)
{
    /// <summary>
    /// One round trip, compiled once: every ingested event runs it, and a LINQ query would be rebuilt and looked up
    /// in EF Core's query cache each time. Null when the account has no such environment.
    /// </summary>
    public static readonly Func<AppDbContext, Guid, string, string, Task<IngestRoute?>> FindAsync =
        EF.CompileAsyncQuery((AppDbContext db, Guid accountId, string environment, string eventType) =>
            db.Environments.AsNoTracking()
                .Where(e => e.AccountId == accountId && e.Name == environment)
                .Select(e => new IngestRoute(
                    e.Id,
                    e.Name,
                    db.EnvironmentSubscriptions
                        .Where(s => s.EnvironmentId == e.Id)
                        .Join(db.Webhooks, s => s.WebhookId, w => w.Id, (s, w) => w)
                        .Where(w => w.AccountId == accountId && w.Enabled && (w.EventType == eventType || w.EventType == "*"))
                        .OrderBy(w => w.CreatedAt)
                        .Select(w => w.Id)
                        .ToList()))
                .FirstOrDefault());
}
