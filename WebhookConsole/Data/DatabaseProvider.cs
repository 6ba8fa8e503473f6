namespace WebhookConsole.Data;

internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
