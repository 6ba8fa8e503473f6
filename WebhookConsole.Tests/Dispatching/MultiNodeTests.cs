using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Environments;
using WebhookConsole.Features.Webhooks;
using WebhookConsole.Tests.Support;
using Xunit.Abstractions;

namespace WebhookConsole.Tests.Dispatching;

/// <summary>
/// Scale-out: two app processes on two ports share one PostgreSQL database (data and Hangfire jobs) and one
/// receiver. Which node sent a request is read from the attempt records, never from the requests themselves.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MultiNodeTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private const string Token = "wc_multinode_token_abcdefghijklmnopqrstuvwxyz0123456";
    private const string NodeA = "node-a";
    private const string NodeB = "node-b";

    [Fact]
    public async Task Deliveries_AreAllSentOnceAndSharedByBothNodes_WhenTwoNodesServeOneDatabase()
    {
        const int events = 2000;
        using var database = await cluster.CreateDatabaseAsync();
        await using var receiver = await TestReceiver.StartAsync();
        var (nodeA, nodeB) = await StartNodesAsync(database);
        await using var a = nodeA;
        await using var b = nodeB;
        var accountId = await SeedAsync(database, receiver.Url("/shared"), timeoutSeconds: 10);

        var clock = Stopwatch.StartNew();
        var accepted = await PostAsync([a, b], accountId, events, "shared");
        var postSeconds = clock.Elapsed.TotalSeconds;
        var received = await receiver.WaitForAsync(
            requests => requests.Select(EventIdOf).Distinct().Count() >= events,
            TimeSpan.FromSeconds(180),
            $"all {events} events");
        var deliverSeconds = clock.Elapsed.TotalSeconds;

        var duplicates = received.Count - received.Select(r => r.Header("webhook-id")).Distinct().Count();
        // A request reaches the receiver before its attempt is committed: the last attempts are recorded a moment later.
        var perNode = new Dictionary<string, int>();
        await Poll.UntilAsync(async () => (perNode = await AttemptsPerNodeAsync(database)).Values.Sum() >= events,
            TimeSpan.FromSeconds(30), () => $"the attempts of all {events} deliveries to be recorded (so far {perNode.Values.Sum()})");
        output.WriteLine($"events={events} accepted={accepted.Count} received={received.Count} duplicates={duplicates} " +
            $"sent_by_{NodeA}={perNode.GetValueOrDefault(NodeA)} sent_by_{NodeB}={perNode.GetValueOrDefault(NodeB)} " +
            $"posted_in={postSeconds:0.0}s all_delivered_in={deliverSeconds:0.0}s ({events / deliverSeconds:0} deliveries/s)");
        Assert.Equal(events, accepted.Count);
        Assert.Equal(0, duplicates);
        Assert.Equal(events, perNode.Values.Sum());
        Assert.True(perNode.GetValueOrDefault(NodeA) > 0 && perNode.GetValueOrDefault(NodeB) > 0, "both nodes sent a share of the deliveries");
        Assert.False(a.HasExited || b.HasExited, "no node crashed");
    }

    [Fact]
    public async Task LeasedDeliveries_AreTakenOverByTheOtherNode_WhenANodeIsKilledMidBurst()
    {
        const int events = 300;
        using var database = await cluster.CreateDatabaseAsync();
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Respond("/slow", (_, _) => new ReceiverResponse(200, Delay: TimeSpan.FromMilliseconds(300)));
        var (nodeA, nodeB) = await StartNodesAsync(database);
        await using var a = nodeA;
        await using var b = nodeB;
        // Leases last the webhook timeout (2 s) plus Dispatcher:LeaseMarginSeconds (1 s).
        var accountId = await SeedAsync(database, receiver.Url("/slow"), timeoutSeconds: 2);
        var posting = PostAsync([a, b], accountId, events, "kill");

        // Mid-burst: events are still coming in, and node A holds leases on deliveries it is sending.
        await Poll.UntilAsync(async () => receiver.Requests.Count >= 40 && (await LeasedByAsync(database, NodeA)).Count > 0, TimeSpan.FromSeconds(60), "node A to be sending");
        a.Kill();
        var heldByKilledNode = await LeasedByAsync(database, NodeA);
        var receivedAtKill = receiver.Requests.Count;
        var accepted = await posting;

        var received = await receiver.WaitForAsync(
            requests => accepted.IsSubsetOf(requests.Select(EventIdOf)),
            TimeSpan.FromSeconds(120),
            $"all {accepted.Count} accepted events after the kill");
        // A request node A had on the wire may have arrived before the kill: its delivery ends only when node B,
        // after the lease expired, has sent it again.
        await Poll.UntilAsync(async () =>
        {
            await using var check = database.CreateContext();
            return await check.Deliveries.CountAsync(d => heldByKilledNode.Contains(d.Id) && d.CompletedAt != null) == heldByKilledNode.Count;
        }, TimeSpan.FromSeconds(60), "node B to finish the deliveries node A held");

        var lost = accepted.Except(received.Select(EventIdOf)).Count();
        var duplicates = received.Count - received.Select(r => r.Header("webhook-id")).Distinct().Count();
        await using var db = database.CreateContext();
        var takenOver = await db.Deliveries.AsNoTracking().Where(d => heldByKilledNode.Contains(d.Id)).ToListAsync();
        var takenOverAttempts = await db.Attempts.AsNoTracking().Where(x => heldByKilledNode.Contains(x.DeliveryId)).ToListAsync();
        output.WriteLine($"events={events} accepted={accepted.Count} received_at_kill={receivedAtKill} leased_by_killed_node={heldByKilledNode.Count} " +
            $"received={received.Count} duplicates={duplicates} (in flight at the kill, at-least-once) lost={lost}");
        Assert.Equal(0, lost);
        Assert.True(receivedAtKill < accepted.Count / 2, "the kill came late in the burst, so it proved little");
        Assert.All(takenOver, d => Assert.Equal(DeliveryStatus.Succeeded, d.Status));
        Assert.All(heldByKilledNode, id => Assert.Contains(takenOverAttempts, x => x.DeliveryId == id && x.SentBy!.StartsWith(NodeB, StringComparison.Ordinal)));
        Assert.False(b.HasExited, "the surviving node kept running");
    }

    private async Task<(AppProcess A, AppProcess B)> StartNodesAsync(TestDatabase database)
    {
        var settings = new Dictionary<string, string>(database.Settings)
        {
            ["Bootstrap:ApiToken"] = Token,
            ["Dispatcher:AllowPrivateNetworks"] = "true",
            ["Dispatcher:RetryDelays:0"] = "1",
            ["Dispatcher:SweepIntervalSeconds"] = "1",
            ["Dispatcher:SweepGraceSeconds"] = "5",
            ["Dispatcher:LeaseMarginSeconds"] = "1",
            ["Dispatcher:WorkerCount"] = "10",
        };
        // Started together, so both migrate and seed the empty database at the same moment.
        var a = AppProcess.StartAsync(new Dictionary<string, string>(settings) { ["Dispatcher:NodeName"] = NodeA }, TimeSpan.FromSeconds(90));
        var b = AppProcess.StartAsync(new Dictionary<string, string>(settings) { ["Dispatcher:NodeName"] = NodeB }, TimeSpan.FromSeconds(90));
        await Task.WhenAll(a, b);
        return (await a, await b);
    }

    private static async Task<Guid> SeedAsync(TestDatabase database, string url, int timeoutSeconds)
    {
        await using var db = database.CreateContext();
        var accountId = await db.Accounts.Select(x => x.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var webhook = new WebhookEndpoint
        {
            Id = Guid.CreateVersion7(), AccountId = accountId, Name = "receiver", Url = url, EventType = "*",
            Signing = SigningScheme.None, TimeoutSeconds = timeoutSeconds, CreatedAt = now, UpdatedAt = now,
        };
        var environment = new WebhookEnvironment { Id = Guid.CreateVersion7(), AccountId = accountId, Name = "ITD2024", CreatedAt = now, UpdatedAt = now };
        environment.Subscriptions.Add(new EnvironmentSubscription { EnvironmentId = environment.Id, WebhookId = webhook.Id });
        db.Webhooks.Add(webhook);
        db.Environments.Add(environment);
        await db.SaveChangesAsync();
        return accountId;
    }

    /// <summary>
    /// Eight clients post the events, spread over the nodes; a node that does not answer (killed) is skipped for
    /// the next one. Returns the ids the app accepted (202, or 200 for an id already stored before a lost answer).
    /// </summary>
    private static async Task<HashSet<string>> PostAsync(AppProcess[] nodes, Guid accountId, int events, string prefix)
    {
        var clients = nodes.Select(n =>
        {
            var http = new HttpClient { BaseAddress = new Uri(n.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Add("X-Auth-Token", Token);
            return http;
        }).ToArray();
        var accepted = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        var next = -1;
        async Task ClientAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < events)
            {
                var id = $"{prefix}-{i}";
                for (var attempt = 0; attempt < clients.Length; attempt++)
                {
                    try
                    {
                        using var response = await clients[(i + attempt) % clients.Length].PostAsJsonAsync($"/api/v1/accounts/{accountId}/events",
                            new { data = new { id, @event = "Call:Hangup", environment = "ITD2024", payload = new { n = i } } });
                        if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
                        {
                            accepted[id] = true;
                        }
                        break;
                    }
                    catch (HttpRequestException)
                    {
                        // That node is gone; the next one takes the event.
                    }
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ClientAsync()));
        foreach (var client in clients)
        {
            client.Dispose();
        }
        return accepted.Keys.ToHashSet();
    }

    private static async Task<Dictionary<string, int>> AttemptsPerNodeAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var senders = await db.Attempts.AsNoTracking().Select(x => x.SentBy ?? "").ToListAsync();
        return senders.GroupBy(s => s.Split(':')[0]).ToDictionary(g => g.Key, g => g.Count());
    }

    private static async Task<List<Guid>> LeasedByAsync(TestDatabase database, string node)
    {
        await using var db = database.CreateContext();
        return await db.Deliveries.AsNoTracking()
            .Where(d => d.LeaseOwner != null && d.LeaseOwner.StartsWith(node + ":") && d.Status == DeliveryStatus.Pending)
            .Select(d => d.Id)
            .ToListAsync();
    }

    private static string EventIdOf(ReceivedRequest request) =>
        JsonNode.Parse(request.Body)?["event_id"]?.GetValue<string>() ?? "";
}
