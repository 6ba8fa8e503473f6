using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;

namespace WebhookConsole.Features.Events;

/// <summary>Where an event goes: its environment, and the enabled webhooks subscribed there to its type, oldest first.</summary>
internal sealed record IngestRoute(Guid EnvironmentId, string EnvironmentName, List<Guid> WebhookIds)
{
    /// <summary>
    /// The query, in one round trip: every ingested event runs it, so it is compiled once instead of rebuilt and
    /// looked up in EF Core's query cache each time. It answers null when the account has no such environment.
    /// A compiled query keeps the database provider it first ran with: compile one per app, never share it statically.
    /// </summary>
    public static Func<AppDbContext, Guid, string, string, Task<IngestRoute?>> CompileQuery() =>
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
