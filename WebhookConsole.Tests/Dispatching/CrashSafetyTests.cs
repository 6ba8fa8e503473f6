using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;
using WebhookConsole.Features.Environments;
using WebhookConsole.Features.Webhooks;
using WebhookConsole.Tests.Support;
using Xunit.Abstractions;

namespace WebhookConsole.Tests.Dispatching;

/// <summary>
/// SIGKILL mid-burst, restart on the same SQLite file: every event that was answered 202 still reaches the
/// receiver. Duplicates are allowed (at-least-once) and reported; a loss fails the test.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const string Token = "wc_crash_test_token_abcdefghijklmnopqrstuvwxyz012345";
    private const int Events = 400;
    private const int KillAfterAccepted = 150;

    [Fact]
    public async Task AcceptedEvents_AreAllDelivered_WhenAppIsKilledMidBurstAndRestarted()
    {
        var directory = TempDirectory.Create("crash");
        var connectionString = $"Data Source={Path.Combine(directory, "crash.db")}";
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Bootstrap:ApiToken"] = Token,
            ["Dispatcher:AllowPrivateNetworks"] = "true",
            ["Dispatcher:RetryDelays:0"] = "1",
            ["Dispatcher:SweepIntervalSeconds"] = "1",
        };
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Respond("/slow", (_, _) => new ReceiverResponse(200, Delay: TimeSpan.FromMilliseconds(200)));

        // Two workers against a 200 ms receiver cannot keep up with the burst, so work is pending at the kill.
        var first = await AppProcess.StartAsync(new Dictionary<string, string>(settings) { ["Dispatcher:WorkerCount"] = "2" }, TimeSpan.FromSeconds(60));
        var accountId = await SeedAsync(connectionString, receiver.Url("/slow"));
        var accepted = await PostUntilKilledAsync(first, accountId);
        var beforeKill = receiver.Requests.Count;
        await first.DisposeAsync();
        Assert.True(accepted.Count >= KillAfterAccepted, $"only {accepted.Count} events were accepted before the kill");

        await using var second = await AppProcess.StartAsync(new Dictionary<string, string>(settings) { ["Dispatcher:WorkerCount"] = "20" }, TimeSpan.FromSeconds(60));
        var received = await receiver.WaitForAsync(
            requests => accepted.Keys.All(new HashSet<string>(requests.Select(EventIdOf)).Contains),
            TimeSpan.FromSeconds(120),
            $"all {accepted.Count} accepted events");

        var distinctDeliveries = received.Select(r => r.Header("webhook-id")).Distinct().Count();
        var duplicates = received.Count - distinctDeliveries;
        var lost = accepted.Keys.Except(received.Select(EventIdOf)).Count();
        output.WriteLine($"accepted={accepted.Count} arrived_before_kill={beforeKill} received={received.Count} distinct={distinctDeliveries} duplicates={duplicates} lost={lost}");
        Assert.Equal(0, lost);
        Assert.True(beforeKill < accepted.Count, "the kill came after every delivery had already arrived, so it proved nothing");
        TempDirectory.TryDelete(directory);
    }

    private static async Task<Guid> SeedAsync(string connectionString, string url)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options;
        await using var db = new AppDbContext(options);
        var accountId = await db.Accounts.Select(a => a.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var webhook = new WebhookEndpoint
        {
            Id = Guid.CreateVersion7(), AccountId = accountId, Name = "slow", Url = url, EventType = "*",
            Signing = WebhookConsole.Dispatching.Signing.SigningScheme.None, CreatedAt = now, UpdatedAt = now,
        };
        var environment = new WebhookEnvironment { Id = Guid.CreateVersion7(), AccountId = accountId, Name = "ITD2024", CreatedAt = now, UpdatedAt = now };
        environment.Subscriptions.Add(new EnvironmentSubscription { EnvironmentId = environment.Id, WebhookId = webhook.Id });
        db.Webhooks.Add(webhook);
        db.Environments.Add(environment);
        await db.SaveChangesAsync();
        return accountId;
    }

    /// <summary>Eight clients post events; once enough are accepted the app is killed. Only 202s count as accepted.</summary>
    private static async Task<ConcurrentDictionary<string, bool>> PostUntilKilledAsync(AppProcess app, Guid accountId)
    {
        var accepted = new ConcurrentDictionary<string, bool>();
        var next = -1;
        var killed = 0;
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Add("X-Auth-Token", Token);

        async Task ClientAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Events && Volatile.Read(ref killed) == 0)
            {
                var id = $"crash-{i}";
                try
                {
                    using var response = await http.PostAsJsonAsync($"/api/v1/accounts/{accountId}/events",
                        new { data = new { id, @event = "Call:Hangup", environment = "ITD2024", payload = new { n = i } } });
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        accepted[id] = true;
                    }
                }
                catch (HttpRequestException)
                {
                    return;
                }
                catch (TaskCanceledException)
                {
                    return;
                }
                if (accepted.Count >= KillAfterAccepted && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    app.Kill();
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ClientAsync()));
        if (Interlocked.Exchange(ref killed, 1) == 0)
        {
            app.Kill();
        }
        return accepted;
    }

    private static string EventIdOf(ReceivedRequest request) =>
        JsonNode.Parse(request.Body)?["event_id"]?.GetValue<string>() ?? "";
}
