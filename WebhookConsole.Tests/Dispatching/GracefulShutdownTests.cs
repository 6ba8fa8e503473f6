using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching;

/// <summary>
/// SIGTERM while requests are on the wire: the dispatcher gives the deliveries back, says so in one line, and the
/// next start sends every one of them again.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class GracefulShutdownTests
{
    private const string Token = "wc_shutdown_test_token_abcdefghijklmnopqrstuvwxyz01";
    private const int Workers = 4;

    [Fact]
    public async Task Shutdown_LogsOneSummaryLine_AndTheInterruptedDeliveriesAreSentAfterTheRestart()
    {
        var directory = TempDirectory.Create("shutdown");
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(directory, "app.db")}",
                ["Bootstrap:ApiToken"] = Token,
                ["Dispatcher:AllowPrivateNetworks"] = "true",
                ["Dispatcher:WorkerCount"] = Workers.ToString(),
                ["Logging:LogLevel:Default"] = "Information",
            };
            await using var receiver = await TestReceiver.StartAsync();
            // The first round outlasts the dispatcher's grace on shutdown, so every one of those requests is cut off.
            receiver.Respond("/hold", (_, count) => count <= Workers ? new ReceiverResponse(200, Delay: TimeSpan.FromMinutes(2)) : ReceiverResponse.Ok);
            await using var first = await AppProcess.StartAsync(settings, TimeSpan.FromSeconds(60));
            var eventIds = await PostEventsAsync(first, receiver.Url("/hold"));
            await receiver.WaitForAsync(r => r.Count == Workers, TimeSpan.FromSeconds(30), $"{Workers} requests on the wire");
            var before = first.Output.Count;

            var exit = await first.StopAsync(TimeSpan.FromSeconds(60));

            Assert.True(exit.ExitCode == 0, $"exit code {exit.ExitCode}:\n{exit.Text}");
            var shutdownLines = exit.Output.Skip(before).ToList();
            var dispatcherEntries = shutdownLines.Where(l => DispatchingEntry().IsMatch(l)).ToList();
            Assert.True(dispatcherEntries.Count == 1, "dispatcher entries on shutdown:\n" + string.Join("\n", shutdownLines));
            var message = shutdownLines[shutdownLines.IndexOf(dispatcherEntries[0]) + 1];
            Assert.Contains($"{Workers} deliveries in flight were interrupted", message, StringComparison.Ordinal);
            Assert.Contains("sent again after the restart", message, StringComparison.Ordinal);

            await using var second = await AppProcess.StartAsync(settings, TimeSpan.FromSeconds(60));
            var received = await receiver.WaitForAsync(r => r.Count >= 2 * Workers, TimeSpan.FromSeconds(60), "each interrupted delivery sent again");
            var firstRound = received.Take(Workers).Select(r => r.Header("webhook-id")).ToHashSet();
            var secondRound = received.Skip(Workers).Select(r => r.Header("webhook-id")).ToHashSet();
            Assert.Equal(Workers, firstRound.Count);
            Assert.Superset(firstRound, secondRound);
            Assert.Equal(eventIds.ToHashSet(), received.Skip(Workers).Select(r => JsonNode.Parse(r.Body)!["event_id"]!.GetValue<string>()).ToHashSet());
        }
        finally
        {
            TempDirectory.TryDelete(directory);
        }
    }

    private static async Task<List<string>> PostEventsAsync(AppProcess app, string url)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Auth-Token", Token);
        var accountId = (await http.GetFromJsonAsync<JsonNode>("/api/v1/whoami"))!["data"]!["account_id"]!.GetValue<string>();
        using var webhook = await http.SendDataAsync(HttpMethod.Put, $"/api/v1/accounts/{accountId}/webhooks", new { uri = url, hook = "*", signing = "none" });
        Assert.Equal(HttpStatusCode.Created, webhook.StatusCode);
        var webhookId = (await webhook.Content.ReadFromJsonAsync<JsonNode>())!["data"]!["id"]!.GetValue<string>();
        using var environment = await http.SendDataAsync(HttpMethod.Put, $"/api/v1/accounts/{accountId}/environments", new { name = "ITD2024", webhooks = new[] { webhookId } });
        Assert.Equal(HttpStatusCode.Created, environment.StatusCode);
        var ids = new List<string>();
        for (var i = 0; i < Workers; i++)
        {
            var id = $"shutdown-{i}";
            using var posted = await http.SendDataAsync(HttpMethod.Post, $"/api/v1/accounts/{accountId}/events", new { id, @event = "Call:Hangup", environment = "ITD2024", payload = new { n = i } });
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            ids.Add(id);
        }
        return ids;
    }

    [GeneratedRegex(@"^(trce|dbug|info|warn|fail|crit): WebhookConsole\.Dispatching\.")]
    private static partial Regex DispatchingEntry();
}
