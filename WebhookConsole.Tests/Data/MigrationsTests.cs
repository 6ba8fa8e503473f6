using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Data;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Data;

/// <summary>Each provider's migrations build the model as it is: a change to it comes with a migration for both.</summary>
[Collection(AppCollection.Name)]
public sealed class MigrationsTests
{
    [Fact]
    public async Task SqliteMigrations_MatchTheModel()
    {
        await using var app = new AppFactory();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        Assert.False(db.Database.HasPendingModelChanges(), "the model has changed since the last SQLite migration; add one (README, Schema changes)");
    }

    [Fact]
    public async Task PostgresMigrations_MatchTheModel()
    {
        await using var app = new AppFactory();
        // Compares the model with the latest migration's snapshot; no server is asked.
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PostgresMigrationsContext>>().CreateDbContextAsync();

        Assert.False(db.Database.HasPendingModelChanges(), "the model has changed since the last PostgreSQL migration; add one (README, Schema changes)");
    }
}
