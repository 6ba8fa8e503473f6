using Microsoft.EntityFrameworkCore;

namespace WebhookConsole.Data;

/// <summary>
/// The app's model on PostgreSQL, used only to apply migrations. EF Core picks migrations by context type, so
/// the PostgreSQL set (in <c>Migrations/Postgres</c>) stays apart from the SQLite set, which belongs to
/// <see cref="AppDbContext"/>; the app itself always works through <see cref="AppDbContext"/>.
/// </summary>
internal sealed class PostgresMigrationsContext(DbContextOptions<PostgresMigrationsContext> options) : AppDbContext(options);
