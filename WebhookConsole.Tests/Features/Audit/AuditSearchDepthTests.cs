using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Data;
using WebhookConsole.Features.Audit;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Audit;

/// <summary>
/// A search of the audit log looks through a given number of the newest entries (of the entity type and action chosen),
/// says from when on it searched, and finds every match there; searching deeper finds the older ones. Run once per
/// database provider by the derived classes.
/// </summary>
public abstract class AuditSearchDepthTests : IAsyncLifetime
{
    // After whatever the app logs at its start, so these are the newest entries of the log; whole seconds, which every
    // provider stores as they are.
    private static readonly DateTime Start = new(DateTime.UtcNow.AddDays(1).Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    private readonly Guid account = Guid.NewGuid();
    private AppFactory app = null!;
    private AuditQueryService audit = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        app = new AppFactory(database: await CreateDatabaseAsync());
        audit = app.Services.GetRequiredService<AuditQueryService>();
        // Newest first: ten webhook changes named "Recent", then five environment changes, then five webhook changes
        // named "Ancient"; another account's entries in between count for nothing.
        var entries = new List<AuditEntry>();
        for (var i = 0; i < 20; i++)
        {
            var (type, name) = i switch
            {
                < 10 => (AuditEntityTypes.Webhook, $"Recent {i}"),
                < 15 => (AuditEntityTypes.Environment, $"Env {i}"),
                _ => (AuditEntityTypes.Webhook, $"Ancient {i}"),
            };
            entries.Add(Entry(account, Start.AddMinutes(-i), type, name));
            entries.Add(Entry(Guid.NewGuid(), Start.AddMinutes(-i).AddSeconds(-30), AuditEntityTypes.Webhook, $"Ancient other {i}"));
        }
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static AuditEntry Entry(Guid accountId, DateTime at, string type, string name) => new()
    {
        Id = Guid.NewGuid(),
        AccountId = accountId,
        OccurredAt = at,
        Actor = "ann@example.com",
        Action = type + ".updated",
        EntityType = type,
        EntityId = Guid.NewGuid().ToString(),
        EntityName = name,
    };

    private static List<string?> Names(AuditEntryPage page) => page.Items.Select(e => e.EntityName).ToList();

    [Fact]
    public async Task Search_FindsTheMatchesAmongTheNewestEntries_AndSaysFromWhen()
    {
        var page = await audit.PageAsync(account, new AuditFilter(Search: "Recent"), 0, 50, CancellationToken.None, searchDepth: 4);

        Assert.Equal(["Recent 0", "Recent 1", "Recent 2", "Recent 3"], Names(page));
        Assert.Equal(4, page.Total);
        Assert.Equal(Start.AddMinutes(-3), page.SearchedFrom);
    }

    [Fact]
    public async Task Search_FindsNothingOlder_UntilAskedToSearchDeeper()
    {
        var shallow = await audit.PageAsync(account, new AuditFilter(Search: "Ancient"), 0, 50, CancellationToken.None, searchDepth: 15);
        var deeper = await audit.PageAsync(account, new AuditFilter(Search: "Ancient"), 0, 50, CancellationToken.None, searchDepth: 60);

        Assert.Empty(shallow.Items);
        Assert.Equal(Start.AddMinutes(-14), shallow.SearchedFrom);
        Assert.Equal(["Ancient 15", "Ancient 16", "Ancient 17", "Ancient 18", "Ancient 19"], Names(deeper));
        // The whole log is searched: no time to tell.
        Assert.Null(deeper.SearchedFrom);
    }

    [Fact]
    public async Task Search_CountsItsDepthInTheEntityTypeChosen()
    {
        var page = await audit.PageAsync(account, new AuditFilter(EntityType: AuditEntityTypes.Webhook, Search: "Ancient"), 0, 50,
            CancellationToken.None, searchDepth: 12);

        Assert.Equal(["Ancient 15", "Ancient 16"], Names(page));
        Assert.Equal(Start.AddMinutes(-16), page.SearchedFrom);
    }

    [Fact]
    public async Task Search_PagesThroughItsMatches_WithTheirCount()
    {
        var second = await audit.PageAsync(account, new AuditFilter(Search: "Recent"), 1, 3, CancellationToken.None, searchDepth: 8);

        Assert.Equal(["Recent 3", "Recent 4", "Recent 5"], Names(second));
        Assert.Equal(8, second.Total);
    }

    [Fact]
    public async Task WithoutSearch_TheWholeLogIsCounted()
    {
        var page = await audit.PageAsync(account, new AuditFilter(EntityType: AuditEntityTypes.Webhook), 0, 5, CancellationToken.None, searchDepth: 1);

        Assert.Equal(15, page.Total);
        Assert.Null(page.SearchedFrom);
    }
}
