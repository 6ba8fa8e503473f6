namespace WebhookConsole.Data;

/// <summary>The <c>Database</c> section: which provider holds the data.</summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
