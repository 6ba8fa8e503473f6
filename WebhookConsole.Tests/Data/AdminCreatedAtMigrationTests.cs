using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WebhookConsole.Data;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Data;

/// <summary>
/// The migration that adds admins' creation date, on a database with admins already: one added on the admins page
/// (its <c>admin.created</c> audit entry dates it), one that was not audited (dated by the migration).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AdminCreatedAtMigrationTests(PostgresCluster cluster)
{
    private const string Audited = "0b9f1c8e-3d5a-4c0e-9a7b-1f2e3d4c5b6a";
    private const string Unaudited = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f";
    private static readonly DateTime AddedAt = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public async Task Migration_DatesExistingAdmins_OnSqlite()
    {
        using var database = TestDatabase.CreateSqlite();
        await using var db = database.CreateContext();

        await MigrateWithAdminsAsync(db, "2026-01-02 03:04:05");
    }

    [Fact]
    public async Task Migration_DatesExistingAdmins_OnPostgres()
    {
        using var database = await cluster.CreateDatabaseAsync();
        await using var db = new PostgresMigrationsContext(new DbContextOptionsBuilder<PostgresMigrationsContext>().UseNpgsql(database.ConnectionString).Options);

        await MigrateWithAdminsAsync(db, "2026-01-02 03:04:05+00");
    }

    private static async Task MigrateWithAdminsAsync(AppDbContext db, string addedAtLiteral)
    {
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("AdminSelectedAccount");
        // Constants of this test only; the SQL is built before it is sent because the two providers write times apart.
        var arrange = $"""
            INSERT INTO "AspNetUsers" ("Id", "UserName", "Email", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            VALUES ('{Audited}', 'added@example.com', 'added@example.com', TRUE, FALSE, FALSE, TRUE, 0),
                   ('{Unaudited}', 'first@example.com', 'first@example.com', TRUE, FALSE, FALSE, TRUE, 0);
            INSERT INTO "AuditEntries" ("Id", "OccurredAt", "Actor", "Action", "EntityType", "EntityId", "EntityName")
            VALUES ('019b0000-0000-7000-8000-000000000001', '{addedAtLiteral}', 'first@example.com', 'admin.created', 'admin', '{Audited}', 'added@example.com');
            """;
        await db.Database.ExecuteSqlRawAsync(arrange);
        var before = DateTime.UtcNow;

        await migrator.MigrateAsync();

        var dates = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.CreatedAt);
        Assert.Equal(AddedAt, dates[Audited]);
        Assert.InRange(dates[Unaudited], before.AddSeconds(-5), DateTime.UtcNow.AddSeconds(5));
        Assert.Equal(DateTimeKind.Utc, dates[Unaudited].Kind);
    }
}
