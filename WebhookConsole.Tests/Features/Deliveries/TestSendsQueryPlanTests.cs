using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Bench.Scenarios;
using WebhookConsole.Data;
using WebhookConsole.Data.Paging;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Deliveries;

/// <summary>
/// "Test sends only" on SQLite reads the test sends' partial index, for the page and for the pager's count, instead of
/// walking the account's whole history for the few test sends in it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TestSendsQueryPlanTests
{
    private const string TestSendsIndex = "INDEX IX_Deliveries_AccountId_CreatedAt_IsTest (AccountId=?)";
    private static readonly DeliveryFilter TestSendsOnly = new(Test: true);

    private static async Task<IReadOnlyList<string>> PlanAsync<T>(Func<AppDbContext, IQueryable<T>> query)
    {
        await using var app = new AppFactory();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await QueryPlan.ExplainAsync(db, query(db));
    }

    [Fact]
    public async Task PageQuery_ReadsTheTestSendsIndex_WhenRunOnSqlite()
    {
        var plan = await PlanAsync(db => DeliveryQueryService.PageQuery(db, Guid.NewGuid(), TestSendsOnly, PageRequest.First));

        Assert.True(plan.Any(step => step.Contains(TestSendsIndex, StringComparison.Ordinal)), string.Join(" | ", plan));
    }

    [Fact]
    public async Task BoundedCount_ReadsTheTestSendsIndexAlone_WhenRunOnSqlite()
    {
        // The rows the pager's count reads: those of the filter, up to its limit.
        var plan = await PlanAsync(db => DeliveryQueryService.Filtered(db, Guid.NewGuid(), TestSendsOnly).Take(10_001).Select(d => 1));

        Assert.True(plan.Any(step => step.Contains("COVERING " + TestSendsIndex, StringComparison.Ordinal)), string.Join(" | ", plan));
    }
}
