using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace WebhookConsole.Data;

internal static class DatabaseServiceExtensions
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        // Configuration is read when the first context is made, so every source (tests included) has been applied.
        builder.Services.AddDbContextFactory<AppDbContext>((sp, options) =>
        {
            var provider = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString("Default")
                ?? throw new InvalidOperationException("ConnectionStrings:Default is not set.");
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException($"Database:Provider '{provider}' is not supported by this build; use Sqlite.");
            }
            options.UseSqlite(PrepareSqlite(connectionString)).AddInterceptors(new SqlitePragmaInterceptor(), SqliteWriteGate.Instance);
        });
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());

        // Registered before every other hosted service, so the schema is ready when they start.
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }

    /// <summary>Makes sure the folder of the database file exists, so a fresh checkout starts with no setup.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(csb.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            csb.DataSource = path;
        }
        return csb.ToString();
    }
}
