using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebhookConsole.Api;
using WebhookConsole.Data.NodeChanges;
using WebhookConsole.Dispatching;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Tokens;
using WebhookConsole.Features.Webhooks;
using WebhookConsole.Tests.Support;
using Xunit.Abstractions;

namespace WebhookConsole.Tests.Data.NodeChanges;

/// <summary>
/// Two app instances on one PostgreSQL database: what one node changes reaches the other through LISTEN/NOTIFY, well
/// within the 5 s its caches would otherwise keep the old setup.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NodeChangesTests(PostgresCluster cluster, ITestOutputHelper output)
{
    /// <summary>
    /// Within the caches' 5 s lifetime, so only a message can explain it. A message takes a few hundred milliseconds
    /// (the tests print it), but a host busy with other work has delayed one past a second.
    /// </summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task DisablingAWebhook_StopsTheOtherNodesRoutingAndDispatcher_WellWithinTheCacheLifetime()
    {
        await using var receiver = await TestReceiver.StartAsync();
        await using var nodes = await TwoNodes.StartAsync(cluster);
        var accountId = await nodes.A.DefaultAccountIdAsync();
        var webhook = await nodes.A.Data.AddWebhookAsync(accountId, receiver.Url("/hook"), w => w.Signing = SigningScheme.None);
        await nodes.A.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);
        using var clientA = nodes.A.CreateApiClient();
        using var clientB = nodes.B.CreateApiClient();
        // Node B remembers the route and the webhook as they are now.
        Assert.Single(await PostToAsync(clientB, accountId, "before"));
        Assert.True((await nodes.B.Services.GetRequiredService<WebhookCache>().FindAsync([webhook.Id], CancellationToken.None))[webhook.Id].Enabled);

        using var patch = await clientA.PatchAsJsonAsync($"/api/v1/accounts/{accountId}/webhooks/{webhook.Id}", new { data = new { enabled = false } });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var clock = Stopwatch.StartNew();

        var n = 0;
        await Poll.UntilAsync(async () => (await PostToAsync(clientB, accountId, $"after-{n++}")).Count == 0, Prompt, "node B to stop routing events to the disabled webhook");
        var routed = clock.Elapsed;
        await Poll.UntilAsync(async () => !(await nodes.B.Services.GetRequiredService<WebhookCache>().FindAsync([webhook.Id], CancellationToken.None))[webhook.Id].Enabled,
            Prompt, "node B's dispatcher to see the webhook disabled");
        output.WriteLine($"node B stopped routing after {routed.TotalMilliseconds:0} ms, its dispatcher saw it after {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task RotatingASecret_IsSignedWithByTheOtherNodesDispatcher_WellWithinTheCacheLifetime()
    {
        await using var receiver = await TestReceiver.StartAsync();
        await using var nodes = await TwoNodes.StartAsync(cluster);
        var accountId = await nodes.A.DefaultAccountIdAsync();
        var webhook = await nodes.A.Data.AddWebhookAsync(accountId, receiver.Url("/hook"), w => w.Signing = SigningScheme.Hex, secret: "old-secret-0123456789abcdefghijkl");
        var cacheB = nodes.B.Services.GetRequiredService<WebhookCache>();
        var protector = nodes.B.Services.GetRequiredService<SecretProtector>();
        Assert.Equal("old-secret-0123456789abcdefghijkl", protector.Unprotect((await cacheB.FindAsync([webhook.Id], CancellationToken.None))[webhook.Id].SecretProtected!));
        using var clientA = nodes.A.CreateApiClient();

        using var rotate = await clientA.PostAsync($"/api/v1/accounts/{accountId}/webhooks/{webhook.Id}/rotate_secret", null);
        Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
        var clock = Stopwatch.StartNew();
        var secret = (await AppFactory.ReadJsonAsync(rotate))["data"]!["secret"]!.GetValue<string>();

        await Poll.UntilAsync(async () => protector.Unprotect((await cacheB.FindAsync([webhook.Id], CancellationToken.None))[webhook.Id].SecretProtected!) == secret,
            Prompt, "node B's dispatcher to sign with the new secret");
        output.WriteLine($"node B's dispatcher had the new secret after {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task RevokingAToken_IsRefusedByTheOtherNode_WellWithinTheCacheLifetime()
    {
        await using var nodes = await TwoNodes.StartAsync(cluster);
        var accountId = await nodes.A.DefaultAccountIdAsync();
        var tokensA = nodes.A.Services.GetRequiredService<ApiTokenService>();
        var (token, plain) = (await tokensA.CreateAsync(accountId, "revoked soon", new FieldErrors(), CancellationToken.None))!.Value;
        await nodes.WaitListeningAsync();
        using var clientB = nodes.B.CreateClient();
        clientB.DefaultRequestHeaders.Add("X-Auth-Token", plain);
        // Node B remembers the token's caller.
        using (var before = await clientB.GetAsync("/api/v1/whoami"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        Assert.True(await tokensA.RevokeAsync(accountId, token.Id, CancellationToken.None));
        var clock = Stopwatch.StartNew();

        await Poll.UntilAsync(async () =>
        {
            using var after = await clientB.GetAsync("/api/v1/whoami");
            return after.StatusCode == HttpStatusCode.Unauthorized;
        }, Prompt, "node B to refuse the revoked token");
        output.WriteLine($"node B refused the revoked token after {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task DeliveriesCreatedAndSentByTheOtherNode_AreAnnouncedHere()
    {
        await using var receiver = await TestReceiver.StartAsync();
        // Whichever node sends the delivery announces it only once the receiver has answered: not within the wait below.
        receiver.Respond("/slow", (_, _) => new ReceiverResponse(200, Delay: TimeSpan.FromSeconds(3)));
        await using var nodes = await TwoNodes.StartAsync(cluster);
        var accountId = await nodes.A.DefaultAccountIdAsync();
        var webhook = await nodes.A.Data.AddWebhookAsync(accountId, receiver.Url("/slow"), w => w.Signing = SigningScheme.None);
        await nodes.A.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);
        var seenByA = Record(nodes.A);
        await nodes.WaitListeningAsync();
        using var clientB = nodes.B.CreateApiClient();

        // Created by node B's ingest.
        var created = Assert.Single(await PostToAsync(clientB, accountId, "created-on-b"));
        var clock = Stopwatch.StartNew();
        await Poll.UntilAsync(() => seenByA.ContainsKey(created), Prompt, "node A to hear of the delivery node B created");
        var heard = clock.Elapsed;
        // Sent and recorded by node B itself: a test send.
        using var test = await clientB.PostAsync($"/api/v1/accounts/{accountId}/webhooks/{webhook.Id}/test", null);
        Assert.Equal(HttpStatusCode.OK, test.StatusCode);
        var sent = Guid.Parse((await AppFactory.ReadJsonAsync(test))["data"]!["delivery_id"]!.GetValue<string>());
        await Poll.UntilAsync(() => seenByA.ContainsKey(sent), Prompt, "node A to hear of the delivery node B sent");
        output.WriteLine($"node A heard of node B's new delivery after {heard.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task ANode_DoesNotHandleItsOwnMessagesAgain()
    {
        await using var nodes = await TwoNodes.StartAsync(cluster);
        var seenByA = Record(nodes.A);
        var seenByB = Record(nodes.B);
        await nodes.WaitListeningAsync();
        var fromA = Guid.CreateVersion7();
        var fromB = Guid.CreateVersion7();

        var clock = Stopwatch.StartNew();
        nodes.A.Services.GetRequiredService<DeliveryChanges>().Publish(fromA);
        await Poll.UntilAsync(() => seenByB.ContainsKey(fromA), Prompt, "node B to hear node A's message");
        output.WriteLine($"node B heard of node A's delivery change {clock.Elapsed.TotalMilliseconds:0} ms after it was published "
            + $"(gathered for {NodeChangeSender.DeliveryInterval.TotalMilliseconds:0} ms first)");
        // Notifications arrive in the order they were sent: once node A has B's later message, it had its own.
        nodes.B.Services.GetRequiredService<DeliveryChanges>().Publish(fromB);
        await Poll.UntilAsync(() => seenByA.ContainsKey(fromB), Prompt, "node A to hear node B's message");

        Assert.Equal(1, seenByA[fromA]);
        Assert.Equal(1, seenByB[fromB]);
        Assert.Equal(1, seenByB[fromA]);
    }

    [Fact]
    public async Task Listener_HearsAgainAndForgetsCachesOnce_WhenItsConnectionIsTerminated()
    {
        await using var nodes = await TwoNodes.StartAsync(cluster);
        await nodes.WaitListeningAsync();
        var setupForgotten = 0;
        var reloads = 0;
        nodes.B.Services.GetRequiredService<WebhookSetupChanges>().Changed += () => Interlocked.Increment(ref setupForgotten);
        nodes.B.Services.GetRequiredService<DeliveryChanges>().ManyChanged += () => Interlocked.Increment(ref reloads);
        var seenByB = Record(nodes.B);

        var terminated = await nodes.TerminateListenersAsync();
        Assert.Equal(2, terminated.Count);
        var clock = Stopwatch.StartNew();
        await Poll.UntilAsync(async () => (await nodes.ListenerPidsAsync()).Except(terminated).Count() == 2, TimeSpan.FromSeconds(10), "both nodes to listen again");
        var back = clock.Elapsed;
        var afterReconnect = Guid.CreateVersion7();
        nodes.A.Services.GetRequiredService<DeliveryChanges>().Publish(afterReconnect);
        await Poll.UntilAsync(() => seenByB.ContainsKey(afterReconnect), Prompt, "node B to hear node A again");

        Assert.Equal(1, setupForgotten);
        Assert.Equal(1, reloads);
        Assert.False(nodes.A.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.False(nodes.B.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        output.WriteLine($"listening again {back.TotalMilliseconds:0} ms after the connections were terminated");
    }

    [Fact]
    public async Task ManyDeliveryChanges_ReachTheOtherNodeAsOneReload_WhenTheirIdsWouldNotFitOneMessage()
    {
        await using var nodes = await TwoNodes.StartAsync(cluster);
        var seenByB = Record(nodes.B);
        var reloads = 0;
        await nodes.WaitListeningAsync();
        nodes.B.Services.GetRequiredService<DeliveryChanges>().ManyChanged += () => Interlocked.Increment(ref reloads);
        var changesA = nodes.A.Services.GetRequiredService<DeliveryChanges>();
        var capacity = NodeChangeMessage.DeliveryCapacity(nodes.A.Services.GetRequiredService<NodeIdentity>().Name);

        // As many as fit: named one by one, in one message PostgreSQL accepts.
        var fitting = Enumerable.Range(0, capacity).Select(_ => Guid.CreateVersion7()).ToList();
        changesA.Publish(fitting);
        await Poll.UntilAsync(() => fitting.All(seenByB.ContainsKey), Prompt, $"node B to hear of all {capacity} deliveries");
        Assert.Equal(0, reloads);
        // One more than fits: node B is told to reload instead.
        changesA.Publish(Enumerable.Range(0, capacity + 1).Select(_ => Guid.CreateVersion7()).ToList());
        await Poll.UntilAsync(() => Volatile.Read(ref reloads) == 1, Prompt, "node B to be told many deliveries changed");
        Assert.Equal(capacity, seenByB.Count);
    }

    /// <summary>How often each delivery id was announced on the node, from here on.</summary>
    private static ConcurrentDictionary<Guid, int> Record(AppFactory node)
    {
        var seen = new ConcurrentDictionary<Guid, int>();
        node.Services.GetRequiredService<DeliveryChanges>().Changed += ids =>
        {
            foreach (var id in ids)
            {
                seen.AddOrUpdate(id, 1, (_, count) => count + 1);
            }
        };
        return seen;
    }

    private static async Task<List<Guid>> PostToAsync(HttpClient client, Guid accountId, string id)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/accounts/{accountId}/events",
            new { data = new { id, @event = "Call:Hangup", environment = "ITD2024", payload = new { n = 1 } } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await AppFactory.DeliveryIdsAsync(response);
    }
}
