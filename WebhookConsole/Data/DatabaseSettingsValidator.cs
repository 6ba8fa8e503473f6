using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using WebhookConsole.Hosting;

namespace WebhookConsole.Data;

/// <summary>
/// Refuses at start a <c>ConnectionStrings:Default</c> that is missing or that the chosen provider cannot read, before
/// anything (Hangfire's storage among them) parses it and fails with a stack trace instead.
/// </summary>
internal sealed class DatabaseSettingsValidator(IConfiguration configuration) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return ValidateOptionsResult.Fail("ConnectionStrings:Default is not set.");
        }
        try
        {
            _ = options.Provider == DatabaseProvider.Postgres
                ? new NpgsqlConnectionStringBuilder(connectionString)
                : (object)new SqliteConnectionStringBuilder(connectionString);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            // The parsers' messages name the keyword at fault, not the string itself, which may hold a password.
            return ValidateOptionsResult.Fail(
                $"ConnectionStrings:Default is not a connection string for Database:Provider {options.Provider}: {StartupFailure.Messages(ex)}");
        }
    }
}
