using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Bench.Scenarios;
using WebhookConsole.Data;
using WebhookConsole.Data.Paging;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Deliveries;

/// <summary>The history's page query on SQLite reads one of the account's delivery indexes, alone and with the common filters.</summary>
[Collection(AppCollection.Name)]
public sealed class DeliveryQueryPlanTests
{
    private static readonly Dictionary<string, DeliveryFilter> FiltersByName = new()
    {
        ["none"] = new DeliveryFilter(),
        ["status"] = new DeliveryFilter(Status: DeliveryStatus.Failed),
        ["webhook"] = new DeliveryFilter(WebhookId: Guid.NewGuid()),
        ["event"] = new DeliveryFilter(EventType: "Call:Hangup"),
        ["environment"] = new DeliveryFilter(EnvironmentId: Guid.NewGuid()),
        ["no test sends"] = new DeliveryFilter(Test: false),
        ["test sends only"] = new DeliveryFilter(Test: true),
        ["failed, no test sends"] = new DeliveryFilter(Status: DeliveryStatus.Failed, Test: false),
        ["webhook's failed, no test sends"] = new DeliveryFilter(Status: DeliveryStatus.Failed, WebhookId: Guid.NewGuid(), Test: false),
    };

    public static TheoryData<string> Filters => [.. FiltersByName.Keys];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task PageQuery_ReadsAnAccountIndex_WhenRunOnSqlite(string what)
    {
        var filter = FiltersByName[what];
        await using var app = new AppFactory();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        var plan = await QueryPlan.ExplainAsync(db, DeliveryQueryService.PageQuery(db, Guid.NewGuid(), filter, PageRequest.First));

        Assert.True(plan.Any(step => step.Contains("INDEX IX_Deliveries_AccountId", StringComparison.Ordinal)), $"{what}: {string.Join(" | ", plan)}");
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN Deliveries", StringComparison.Ordinal) && !step.Contains("INDEX", StringComparison.Ordinal));
    }
}
