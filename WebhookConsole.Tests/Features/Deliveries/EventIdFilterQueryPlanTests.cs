using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Bench.Scenarios;
using WebhookConsole.Data;
using WebhookConsole.Data.Paging;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Deliveries;

/// <summary>
/// The history filtered by event id on SQLite: from the matching events to their deliveries (a page of few events, the
/// count), or along the history looking each delivery's event up by key (a page of many events); never walking the
/// account's history with every match gathered in a list first.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EventIdFilterQueryPlanTests
{
    private static readonly Dictionary<string, DeliveryFilter> FiltersByName = new()
    {
        ["event id"] = new DeliveryFilter(EventId: "call-0012"),
        ["event id, failed"] = new DeliveryFilter(EventId: "call-0012", Status: DeliveryStatus.Failed),
        ["event id, webhook's failed, no test sends"] =
            new DeliveryFilter(EventId: "call-0012", Status: DeliveryStatus.Failed, WebhookId: Guid.NewGuid(), Test: false),
    };

    public static TheoryData<string> Filters => [.. FiltersByName.Keys];

    private static async Task<IReadOnlyList<string>> PlanAsync<T>(Func<AppDbContext, IQueryable<T>> query)
    {
        await using var app = new AppFactory();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await QueryPlan.ExplainAsync(db, query(db));
    }

    private static void AssertFromEvents(IReadOnlyList<string> plan, string what)
    {
        var shown = $"{what}: {string.Join(" | ", plan)}";
        Assert.True(plan.Any(step => step.Contains("INDEX IX_Events_AccountId_EventId (AccountId=? AND EventId>? AND EventId<?)", StringComparison.Ordinal)), shown);
        Assert.True(plan.Any(step => step.Contains("INDEX IX_Deliveries_CallEventId (CallEventId=?)", StringComparison.Ordinal)), shown);
        Assert.DoesNotContain(plan, step => step.Contains("IX_Deliveries_AccountId", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task PageOfFewEvents_GoesFromTheEventsToTheirDeliveries_WhenRunOnSqlite(string what)
    {
        var plan = await PlanAsync(db => DeliveryQueryService.PageQuery(db, Guid.NewGuid(), FiltersByName[what], PageRequest.First, EventIdLookup.FromEvents));

        AssertFromEvents(plan, what);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Count_GoesFromTheEventsToTheirDeliveries_WhenRunOnSqlite(string what)
    {
        var plan = await PlanAsync(db => DeliveryQueryService.Filtered(db, Guid.NewGuid(), FiltersByName[what]).Select(d => d.Id));

        AssertFromEvents(plan, what);
    }

    [Fact]
    public async Task PageOfManyEvents_WalksTheHistoryLookingUpEachEventByKey_WhenRunOnSqlite()
    {
        var plan = await PlanAsync(db =>
            DeliveryQueryService.PageQuery(db, Guid.NewGuid(), FiltersByName["event id"], PageRequest.First, EventIdLookup.AlongHistory));

        var shown = string.Join(" | ", plan);
        Assert.True(plan.Any(step => step.Contains("INDEX IX_Deliveries_AccountId_CreatedAt (AccountId=?)", StringComparison.Ordinal)), shown);
        Assert.True(plan.Any(step => step.Contains("INDEX sqlite_autoindex_Events_1 (Id=?)", StringComparison.Ordinal)), shown);
        Assert.DoesNotContain(plan, step => step.Contains("LIST SUBQUERY", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step == "USE TEMP B-TREE FOR ORDER BY");
    }

    public static TheoryData<string> FindFilters => ["none", "failed", .. FiltersByName.Keys];

    [Theory]
    [MemberData(nameof(FindFilters))]
    public async Task Find_ReadsTheGivenDeliveriesByKey_WhenRunOnSqlite(string what)
    {
        var filter = what switch
        {
            "none" => new DeliveryFilter(),
            "failed" => new DeliveryFilter(Status: DeliveryStatus.Failed),
            _ => FiltersByName[what],
        };
        // A batch of live changes can hold this many; SQLite preferred an account index to them as one more condition.
        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        var plan = await PlanAsync(db => DeliveryQueryService.FindQuery(db, Guid.NewGuid(), filter, ids));

        var shown = $"{what}: {string.Join(" | ", plan)}";
        Assert.True(plan[0].StartsWith("SEARCH d USING INDEX sqlite_autoindex_Deliveries_1 (Id=?)", StringComparison.Ordinal), shown);
        Assert.DoesNotContain(plan, step => step.Contains("IX_Deliveries_AccountId", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }
}
