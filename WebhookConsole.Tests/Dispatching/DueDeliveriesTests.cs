using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Bench.Scenarios;
using WebhookConsole.Data;
using WebhookConsole.Dispatching;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching;

/// <summary>How the recovery sweep and the dispatcher's backlog find due work in a real SQLite file of the app.</summary>
[Collection(AppCollection.Name)]
public sealed class DueDeliveriesTests : IAsyncLifetime
{
    private AppFactory app = null!;

    public Task InitializeAsync()
    {
        app = new AppFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Query_ReadsTheIndexOfOpenWork_WhenRunOnSqlite()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var now = DateTime.UtcNow;

        var plan = await QueryPlan.ExplainAsync(db, DueDeliveries.Query(db, now, now, 1000));

        // A finished delivery has no next attempt and no entry in this index, so neither reads the history.
        Assert.Contains(plan, step => step.Contains("USING INDEX IX_Deliveries_NextAttemptAt (NextAttemptAt<?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }
}
