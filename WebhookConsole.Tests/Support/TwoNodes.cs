using Npgsql;
using WebhookConsole.Data.NodeChanges;

namespace WebhookConsole.Tests.Support;

/// <summary>Two in-process apps on one fresh database; node A owns (drops) it.</summary>
internal sealed class TwoNodes : IAsyncDisposable
{
    private TwoNodes(AppFactory a, AppFactory b)
    {
        A = a;
        B = b;
    }

    public AppFactory A { get; }

    public AppFactory B { get; }

    public static async Task<TwoNodes> StartAsync(PostgresCluster cluster)
    {
        var database = await cluster.CreateDatabaseAsync();
        var a = new AppFactory(new Dictionary<string, string?> { ["Dispatcher:NodeName"] = "node-a" }, database);
        _ = a.Services;
        var shared = new TestDatabase(database.Provider, database.ConnectionString, () => { });
        var b = new AppFactory(new Dictionary<string, string?> { ["Dispatcher:NodeName"] = "node-b" }, shared);
        _ = b.Services;
        return new TwoNodes(a, b);
    }

    /// <summary>Until both nodes' listeners have said LISTEN: before, a message would pass them by.</summary>
    public Task WaitListeningAsync() =>
        Poll.UntilAsync(async () => (await ListenerPidsAsync()).Count == 2, TimeSpan.FromSeconds(10), "both nodes to listen");

    public async Task<List<int>> ListenerPidsAsync() => await QueryPidsAsync(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name AND query LIKE 'LISTEN %'");

    /// <summary>Ends the listeners' sessions; in the select list, so that only the rows found are ended.</summary>
    public async Task<List<int>> TerminateListenersAsync() => await QueryPidsAsync(
        "SELECT pid FROM (SELECT pid, pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name) AS listeners WHERE ended");

    private async Task<List<int>> QueryPidsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(A.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", NodeChangeListener.ApplicationName);
        var pids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }
        return pids;
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}
