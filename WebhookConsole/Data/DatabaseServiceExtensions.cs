using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using WebhookConsole.Hosting;

namespace WebhookConsole.Data;

internal static class DatabaseServiceExtensions
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<DatabaseOptions>(DatabaseOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseSettingsValidator>();
        // Configuration is read when the first context is made, so every source (tests included) has been applied.
        // Pooled: every operation takes a short-lived context, and a pooled one skips most of a new context's set-up.
        builder.Services.AddPooledDbContextFactory<AppDbContext>((sp, options) =>
        {
            var provider = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
            var connectionString = ConnectionString(sp.GetRequiredService<IConfiguration>());
            switch (provider)
            {
                case DatabaseProvider.Sqlite:
                    options.UseSqlite(PrepareSqlite(connectionString))
                        .AddInterceptors(new SqlitePragmaInterceptor(), SqliteWriteGate.Instance, SqliteFileGuard.Instance);
                    break;
                case DatabaseProvider.Postgres:
                    UsePostgres(options, connectionString);
                    break;
                default:
                    throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use Sqlite or Postgres.");
            }
            // Features watch what is saved through interceptors they register (a cache forgetting what changed).
            options.AddInterceptors(sp.GetServices<IInterceptor>());
            LogFailuresOnce(options);
        });
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        builder.Services.AddSingleton<DatabaseOutageLog>();
        builder.Services.AddSingleton<SqliteWriterMetrics>();
        builder.Services.AddSingleton<SqliteWriter>();
        // Made only to migrate a PostgreSQL database, and by dotnet ef (which reads no connection string for
        // `migrations add`; a placeholder keeps it from parsing the SQLite one).
        builder.Services.AddDbContextFactory<PostgresMigrationsContext>((sp, options) =>
        {
            UsePostgres(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? ConnectionString(sp.GetRequiredService<IConfiguration>())
                : "Host=localhost");
            LogFailuresOnce(options);
        });

        // Registered before every other hosted service, so the schema is ready when they start.
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddHostedService<SqliteCheckpointer>();
        return builder;
    }

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Default")
        ?? throw new StartupException("ConnectionStrings:Default is not set.");

    /// <summary>The PostgreSQL settings shared by the app's context and the migrations context.</summary>
    private static void UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    /// <summary>
    /// EF Core logs a failed connection, command, transaction, query or save at Error, the last two with the stack
    /// trace, before the exception reaches the code that called it. That code reports it already: a request's
    /// exception handler (with the trace for a fault of the app; once per interval for a database that is down,
    /// <see cref="DatabaseOutageLog"/>), a background loop its own line. At Error they only doubled every failure, and
    /// multiplied the stack traces while the database was down; they stay at Debug for whoever turns that on.
    /// </summary>
    private static void LogFailuresOnce(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log(
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.TransactionError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    /// <summary>
    /// Makes sure the folder of the database file exists, so a fresh checkout starts with no setup. A new folder and
    /// file are the app's user's alone: the file holds the key ring that decrypts the webhooks' secrets, and SQLite
    /// gives its log files the file's permissions. The file made here, connections open it without creating it: one
    /// opened after the file was deleted while the app ran would make an empty database in its place, which every
    /// query then finds without tables (a 500 instead of the 503 of a database that is unavailable).
    /// </summary>
    private static string PrepareSqlite(string connectionString)
    {
        SqliteConnectionStringBuilder csb;
        try
        {
            csb = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StartupException($"ConnectionStrings:Default is not an SQLite connection string: {ex.Message}", ex);
        }
        if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(csb.DataSource);
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            if (!File.Exists(path))
            {
                CreateOwnerOnly(path);
            }
            csb.DataSource = path;
            if (csb.Mode == SqliteOpenMode.ReadWriteCreate)
            {
                csb.Mode = SqliteOpenMode.ReadWrite;
            }
        }
        return csb.ToString();
    }

    /// <summary>An empty file, which SQLite takes for an empty database, readable and writable by its owner only (on Windows, as its folder says).</summary>
    private static void CreateOwnerOnly(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using var _ = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it meanwhile.
        }
    }
}
