using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Bench.Scenarios;
using WebhookConsole.Data;
using WebhookConsole.Features.Audit;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Audit;

/// <summary>
/// The audit page's query on SQLite reads the account's entries and the shared ones newest first along an account
/// index and merges them, alone and with each filter: it never sorts every matching entry to show one page.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AuditQueryPlanTests
{
    private static readonly Dictionary<string, AuditFilter> FiltersByName = new()
    {
        ["none"] = new AuditFilter(),
        ["entity type"] = new AuditFilter(EntityType: AuditEntityTypes.Webhook),
        ["action"] = new AuditFilter(Action: AuditActions.TokenRevoked),
        ["actor"] = new AuditFilter(Actor: "admin"),
        ["search"] = new AuditFilter(Search: "Hook"),
    };

    public static TheoryData<string> Filters => [.. FiltersByName.Keys];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task PageQuery_MergesTheAccountsAndTheSharedEntriesAlongTheirIndex_WhenRunOnSqlite(string what)
    {
        var filter = FiltersByName[what];
        await using var app = new AppFactory();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        var plan = await QueryPlan.ExplainAsync(db, AuditQueryService.PageQuery(db, Guid.NewGuid(), filter, 100, 50));

        var shown = $"{what}: {string.Join(" | ", plan)}";
        Assert.True(plan.Count(step => step.Contains("INDEX IX_AuditEntries_AccountId", StringComparison.Ordinal)) >= 2, shown);
        Assert.DoesNotContain(plan, step => step.Contains("MULTI-INDEX OR", StringComparison.Ordinal));
        // Only ties of the same time are sorted (by id) as they are read; never the whole result.
        Assert.DoesNotContain(plan, step => step == "USE TEMP B-TREE FOR ORDER BY");
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task SearchEdgeQuery_MergesTheTimesAlongTheirIndexAlone_WhenRunOnSqlite(string what)
    {
        var filter = FiltersByName[what] with { Search = null, Actor = null };
        await using var app = new AppFactory();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        var plan = await QueryPlan.ExplainAsync(db, AuditQueryService.SearchEdgeQuery(db, Guid.NewGuid(), filter, AuditQueryService.SearchDepth));

        var shown = $"{what}: {string.Join(" | ", plan)}";
        Assert.True(plan.Count(step => step.Contains("INDEX IX_AuditEntries_AccountId", StringComparison.Ordinal)) >= 2, shown);
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task SearchPageQuery_ReadsOnlyTheEntriesSinceTheSearchReachedBack_WhenRunOnSqlite(string what)
    {
        var filter = FiltersByName[what] with { Search = "Hook", Since = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc) };
        await using var app = new AppFactory();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        var plan = await QueryPlan.ExplainAsync(db, AuditQueryService.PageQuery(db, Guid.NewGuid(), filter, 0, 50));

        var shown = $"{what}: {string.Join(" | ", plan)}";
        Assert.True(plan.Count(step => step.Contains("INDEX IX_AuditEntries_AccountId", StringComparison.Ordinal)
            && step.Contains("OccurredAt>?", StringComparison.Ordinal)) >= 2, shown);
    }
}
