using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Data;
using WebhookConsole.Features.Audit;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Audit;

/// <summary>The audit log's pages: the account's entries and the shared ones, merged newest first, each entry once.</summary>
[Collection(AppCollection.Name)]
public sealed class AuditQueryServiceTests
{
    [Fact]
    public async Task PageAsync_ShowsTheAccountsAndTheSharedEntriesNewestFirst_PageAfterPage()
    {
        await using var app = new AppFactory();
        var (account, other) = (Guid.NewGuid(), Guid.NewGuid());
        var start = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        // Own, shared and another account's entries interleaved, several at the very same time (ordered by id then).
        var entries = Enumerable.Range(0, 60).Select(i => new AuditEntry
        {
            Id = Guid.NewGuid(),
            AccountId = (i % 3) switch { 0 => account, 1 => null, _ => other },
            OccurredAt = start.AddSeconds(i / 4),
            Actor = i % 2 == 0 ? "ann@example.com" : "system",
            Action = AuditActions.WebhookUpdated,
            EntityType = AuditEntityTypes.Webhook,
            EntityId = Guid.NewGuid().ToString(),
            EntityName = $"Hook {i % 5}",
        }).ToList();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.AuditEntries.AddRange(entries);
            await db.SaveChangesAsync();
            // With what the app logged itself at start (the catalogue's entries are shared).
            entries = await db.AuditEntries.AsNoTracking().ToListAsync();
        }
        var audit = app.Services.GetRequiredService<AuditQueryService>();

        foreach (var filter in new[] { new AuditFilter(), new AuditFilter(Actor: "ann"), new AuditFilter(Search: "Hook 3") })
        {
            var expected = entries
                .Where(e => e.AccountId == account || e.AccountId is null)
                .Where(e => filter.Actor is null || e.Actor.Contains(filter.Actor, StringComparison.Ordinal))
                .Where(e => filter.Search is null || (e.EntityName ?? "").Contains(filter.Search, StringComparison.Ordinal) || e.EntityId.Contains(filter.Search, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id.ToString().ToUpperInvariant(), StringComparer.Ordinal)
                .Select(e => e.Id).ToList();
            var seen = new List<Guid>();
            for (var page = 0; page * 7 < expected.Count + 7; page++)
            {
                var result = await audit.PageAsync(account, filter, page, 7, CancellationToken.None);
                Assert.Equal(expected.Count, result.Total);
                seen.AddRange(result.Items.Select(e => e.Id));
            }

            Assert.Equal(expected, seen);
        }
    }
}
