using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Bench.Scenarios;
using WebhookConsole.Data;
using WebhookConsole.Data.Paging;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Deliveries;

/// <summary>
/// The attempts list on SQLite: a webhook's attempts are read along the webhook's index, so a quiet webhook costs what
/// a busy one does; the account's attempts along the account's.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AttemptsQueryPlanTests
{
    private static readonly PageRequest Later = new(PageRequest.DefaultSize, new PageKey(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), Guid.NewGuid()));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WebhooksAttempts_ReadTheWebhooksIndex_WhenRunOnSqlite(bool laterPage)
    {
        await using var app = new AppFactory();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        var plan = await QueryPlan.ExplainAsync(db,
            DeliveryQueryService.AttemptsQuery(db, Guid.NewGuid(), Guid.NewGuid(), laterPage ? Later : PageRequest.First));

        var shown = string.Join(" | ", plan);
        Assert.True(plan.Any(step => step.Contains("SEARCH a USING INDEX IX_Attempts_WebhookId_CreatedAt_DurationMs (WebhookId=?", StringComparison.Ordinal)), shown);
        Assert.DoesNotContain(plan, step => step.Contains("IX_Attempts_AccountId", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step == "USE TEMP B-TREE FOR ORDER BY");
    }

    [Fact]
    public async Task AccountsAttempts_ReadTheAccountsIndex_WhenRunOnSqlite()
    {
        await using var app = new AppFactory();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        var plan = await QueryPlan.ExplainAsync(db, DeliveryQueryService.AttemptsQuery(db, Guid.NewGuid(), null, PageRequest.First));

        Assert.True(plan.Any(step => step.Contains("INDEX IX_Attempts_AccountId_CreatedAt (AccountId=?)", StringComparison.Ordinal)), string.Join(" | ", plan));
        Assert.DoesNotContain(plan, step => step == "USE TEMP B-TREE FOR ORDER BY");
    }
}
