using Npgsql;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching;

/// <summary>The recovery sweep against live work: it finds what was lost, not what is only waiting its turn.</summary>
[Collection(AppCollection.Name)]
public sealed class RecoverySweepTests(PostgresCluster cluster)
{
    private const int Events = 12;

    [Fact]
    public async Task Sweep_AddsNoJobsForDeliveriesWaitingTheirTurn_WhenABacklogOutlastsTheGraceOnPostgres()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Respond("/slow", (_, _) => new ReceiverResponse(200, Delay: TimeSpan.FromMilliseconds(400)));
        // One send at a time against a 400 ms receiver: the last deliveries wait in this node's queue for seconds,
        // several times the grace, while the sweep runs every second.
        await using var app = new AppFactory(new Dictionary<string, string?>
        {
            ["Dispatcher:WorkerCount"] = "1",
            ["Dispatcher:SweepGraceSeconds"] = "1",
            ["Dispatcher:SweepIntervalSeconds"] = "1",
        }, await cluster.CreateDatabaseAsync());
        using var client = app.CreateApiClient();
        var accountId = await app.DefaultAccountIdAsync();
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/slow"), w => w.EventType = "*");
        await app.Data.AddEnvironmentAsync(accountId, "Backlog", webhook.Id);

        for (var i = 0; i < Events; i++)
        {
            await app.PostEventAsync(client, accountId, new { id = $"backlog-{i}", @event = "Call:Hangup", environment = "Backlog", payload = new { n = i } });
        }
        var received = await receiver.WaitForAsync(r => r.Select(x => x.Header("webhook-id")).Distinct().Count() == Events, TimeSpan.FromSeconds(60), "every delivery");

        // One job per delivery, from ingest: waiting in a live queue is not being lost, so the sweep adds none.
        Assert.Equal(Events, await DeliveryJobCountAsync(app.Database));
        Assert.Equal(Events, received.Count);
    }

    private static async Task<long> DeliveryJobCountAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%DeliveryJob%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
