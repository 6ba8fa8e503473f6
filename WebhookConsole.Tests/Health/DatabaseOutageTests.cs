using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Health;

/// <summary>
/// The database lost after the app has started: <c>/readyz</c> says so (503, a one-word body), the console and the
/// API answer 503 saying the database is unavailable, events are refused whole, and the log says so briefly: no stack
/// traces, no line per request or probe, nothing secret.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class DatabaseOutageTests
{
    private const string Token = "wc_outage_test_token_abcdefghijklmnopqrstuvwxyz0123";
    private const string DatabasePassword = "db-password-never-logged";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task App_AnswersUnavailableAndLogsBriefly_AndRecovers_WhenPostgresStopsAndStartsAgain()
    {
        // A cluster of this test's own: stopping the shared one would fail the tests running beside it.
        var cluster = new PostgresCluster();
        try
        {
            // Not dropped: the whole cluster goes at the end, and its pooled sessions did not survive the stop.
            var database = await cluster.CreateDatabaseAsync();
            var settings = new Dictionary<string, string>(database.Settings)
            {
                // Trust authentication ignores it; it is there to be looked for in the logs.
                ["ConnectionStrings:Default"] = database.ConnectionString + $";Password={DatabasePassword};Timeout=5",
                ["Bootstrap:ApiToken"] = Token,
            };
            await using var app = await AppProcess.StartAsync(settings, TimeSpan.FromSeconds(60));
            using var http = Client(app);
            var accountId = (await http.GetFromJsonAsync<JsonNode>("/api/v1/whoami"))!["data"]!["account_id"]!.GetValue<string>();
            using (var environment = await http.SendDataAsync(HttpMethod.Put, $"/api/v1/accounts/{accountId}/environments", new { name = "ITD2024" }))
            {
                Assert.Equal(HttpStatusCode.Created, environment.StatusCode);
            }

            var stoppedAt = app.Output.Count;
            await cluster.StopServerAsync();

            await WaitForReadyAsync(http, HttpStatusCode.ServiceUnavailable);
            await AssertApiUnavailableAsync(http.GetAsync($"/api/v1/accounts/{accountId}/webhooks"));
            await AssertApiUnavailableAsync(PostEventAsync(http, accountId));
            using (var login = await http.GetAsync("/Account/Login"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, login.StatusCode);
                var page = await login.Content.ReadAsStringAsync();
                Assert.Contains("The database cannot be reached", page, StringComparison.Ordinal);
                Assert.DoesNotMatch(StackFrame(), page);
            }
            // Longer than Hangfire's failing loops wait (15 s) before they report themselves.
            await ProbeReadinessForAsync(http, TimeSpan.FromSeconds(17));
            var logged = app.Output.Skip(stoppedAt).ToList();
            // The outage once, and the node-change listener's retries (1, 2, 4, 8 s apart), each a line.
            OutageLogAssert.Brief(logged, maxEntries: 8);
            Assert.Equal(1, OutageLogAssert.Reports(logged));

            await cluster.StartServerAsync();

            await WaitForReadyAsync(http, HttpStatusCode.OK);
            // The refused event left nothing behind: posted again, it is new (202), not a repeat (200).
            using (var again = await PostEventAsync(http, accountId))
            {
                Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
            }
            Assert.DoesNotContain(app.Output, line => line.Contains(DatabasePassword, StringComparison.Ordinal));
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Readiness_IsUnhealthy_WhenTheSqliteDatabaseFolderIsRemovedAfterStart()
    {
        // SQLite goes on reading and writing a file deleted under open connections (the process still holds it), so
        // nothing fails by itself: accepted writes land in a file that is gone when the process ends.
        var directory = TempDirectory.Create("outage");
        try
        {
            var folder = Path.Combine(directory, "data");
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(folder, "app.db")}",
                ["Bootstrap:ApiToken"] = Token,
            };
            await using var app = await AppProcess.StartAsync(settings, TimeSpan.FromSeconds(60));
            using var http = Client(app);

            var removedAt = app.Output.Count;
            Directory.Delete(folder, recursive: true);

            await WaitForReadyAsync(http, HttpStatusCode.ServiceUnavailable);
            using var healthz = await http.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
            await ProbeReadinessForAsync(http, TimeSpan.FromSeconds(2));
            var logged = app.Output.Skip(removedAt).ToList();
            OutageLogAssert.Brief(logged, maxEntries: 1);
            Assert.Equal(1, OutageLogAssert.Reports(logged));
        }
        finally
        {
            TempDirectory.TryDelete(directory);
        }
    }

    private static HttpClient Client(AppProcess app)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(20) };
        http.DefaultRequestHeaders.Add("X-Auth-Token", Token);
        return http;
    }

    private static Task<HttpResponseMessage> PostEventAsync(HttpClient http, string accountId) =>
        http.SendDataAsync(HttpMethod.Post, $"/api/v1/accounts/{accountId}/events", new { id = "posted-while-down", @event = "Call:Hangup", environment = "ITD2024", payload = new { duration = 60 } });

    private static async Task WaitForReadyAsync(HttpClient http, HttpStatusCode expected)
    {
        var body = "";
        await Poll.UntilAsync(async () =>
        {
            using var response = await http.GetAsync("/readyz");
            body = await response.Content.ReadAsStringAsync();
            return response.StatusCode == expected;
        }, Wait, () => $"/readyz to answer {(int)expected} (last body: {body})");
        Assert.Equal(expected == HttpStatusCode.OK ? "Healthy" : "Unhealthy", body);
    }

    /// <summary>Probes <c>/readyz</c> as an eager load balancer does, 20 times a second for <paramref name="duration"/>; each answers 503.</summary>
    private static async Task ProbeReadinessForAsync(HttpClient http, TimeSpan duration)
    {
        using var cadence = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < duration && await cadence.WaitForNextTickAsync())
        {
            using var response = await http.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }
    }

    private static async Task AssertApiUnavailableAsync(Task<HttpResponseMessage> request)
    {
        var (text, message) = await UnavailableAnswer.AssertAsync(request);
        Assert.Contains("database", message, StringComparison.Ordinal);
        Assert.DoesNotContain(DatabasePassword, text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\bat \S+\(.*\) in |\n\s+at \S")]
    private static partial Regex StackFrame();
}
