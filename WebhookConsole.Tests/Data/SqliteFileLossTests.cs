using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Data;

/// <summary>
/// The SQLite database file deleted, moved or its folder removed while the app runs. SQLite goes on reading and
/// writing a file its connections hold open, so unchecked, an event answered 202 would land in a file that is gone
/// when the process ends. The app refuses writes instead, as it does whenever the database is unavailable.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SqliteFileLossTests
{
    private const string Token = "wc_file_loss_test_token_abcdefghijklmnopqrstuvwxyz01";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("files")]
    [InlineData("folder")]
    public async Task Writes_AreRefusedWith503AndLoggedBriefly_WhenTheDatabaseIsDeletedWhileTheAppRuns(string deleted)
    {
        var directory = TempDirectory.Create("file-loss");
        try
        {
            var folder = Path.Combine(directory, "data");
            var file = Path.Combine(folder, "app.db");
            await using var receiver = await TestReceiver.StartAsync();
            // A failing delivery retries every second, so the dispatcher has writes to make after the loss too.
            receiver.Respond("/hook", (_, _) => new ReceiverResponse(500));
            await using var app = await AppProcess.StartAsync(Settings(file), TimeSpan.FromSeconds(60));
            using var http = Client(app);
            var accountId = await SetUpAsync(http, receiver.Url("/hook"));
            using (var before = await PostEventAsync(http, accountId, "before-loss"))
            {
                Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
            }
            await receiver.WaitForAsync(r => r.Count >= 2, Wait, "a first attempt and a retry");

            var lostAt = app.Output.Count;
            if (deleted == "folder")
            {
                Directory.Delete(folder, recursive: true);
            }
            else
            {
                foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(path);
                }
            }

            await AssertUnavailableAsync(PostEventAsync(http, accountId, "after-loss"));
            await AssertUnavailableAsync(http.SendDataAsync(HttpMethod.Put, $"/api/v1/accounts/{accountId}/environments", new { name = "AFTER" }));
            // Meanwhile the recovery sweep, every second, finds the retry due and cannot claim it.
            await ProbeReadinessForAsync(http, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(4));
            await AssertUnavailableAsync(PostEventAsync(http, accountId, "after-loss"));

            Assert.False(app.HasExited);
            var logged = app.Output.Skip(lostAt).ToList();
            OutageLogAssert.Brief(logged, maxEntries: 3);
            Assert.Equal(1, OutageLogAssert.Reports(logged));
        }
        finally
        {
            TempDirectory.TryDelete(directory);
        }
    }

    [Fact]
    public async Task Writes_WorkAgainAndNothingRefusedWasKept_WhenTheMovedFolderIsPutBack()
    {
        var directory = TempDirectory.Create("file-loss");
        try
        {
            var folder = Path.Combine(directory, "data");
            var moved = Path.Combine(directory, "data-moved");
            var settings = Settings(Path.Combine(folder, "app.db"));
            Guid accountId;
            await using (var app = await AppProcess.StartAsync(settings, TimeSpan.FromSeconds(60)))
            {
                using var http = Client(app);
                accountId = await SetUpAsync(http, "http://127.0.0.1:9/unused");
                using (var before = await PostEventAsync(http, accountId, "before-move"))
                {
                    Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
                }
                using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
                var signInForm = await ConsoleSignIn.HiddenFieldsAsync(browser, "/Account/Login");

                var movedAt = app.Output.Count;
                Directory.Move(folder, moved);
                await AssertUnavailableAsync(PostEventAsync(http, accountId, "while-moved"));
                await ProbeReadinessAsync(http, HttpStatusCode.ServiceUnavailable);
                // A wrong password counts towards the lockout: a write the console cannot make either.
                signInForm["Input.Email"] = ConsoleSignIn.AdminEmail;
                signInForm["Input.Password"] = "not-the-password";
                using (var signIn = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(signInForm)))
                {
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn.StatusCode);
                    Assert.Contains("The database cannot be reached", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                }

                OutageLogAssert.Brief(app.Output.Skip(movedAt).ToList(), maxEntries: 1);

                // The same file back where it was: the app's connections find it again.
                Directory.Move(moved, folder);
                await ProbeReadinessAsync(http, HttpStatusCode.OK);
                using (var after = await PostEventAsync(http, accountId, "after-move"))
                {
                    Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);
                }
                var stopped = await app.StopAsync(Wait);
                Assert.Equal(0, stopped.ExitCode);
            }

            await using (var restarted = await AppProcess.StartAsync(settings, TimeSpan.FromSeconds(60)))
            {
                using var http = Client(restarted);
                // Accepted events are kept (a repeat answers 200); the refused one left nothing (it is new: 202).
                foreach (var kept in new[] { "before-move", "after-move" })
                {
                    using var repeat = await PostEventAsync(http, accountId, kept);
                    Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
                }
                using var refused = await PostEventAsync(http, accountId, "while-moved");
                Assert.Equal(HttpStatusCode.Accepted, refused.StatusCode);
            }
        }
        finally
        {
            TempDirectory.TryDelete(directory);
        }
    }

    private static Dictionary<string, string> Settings(string file) => new()
    {
        ["ConnectionStrings:Default"] = $"Data Source={file}",
        ["Bootstrap:ApiToken"] = Token,
        ["Bootstrap:AdminEmail"] = ConsoleSignIn.AdminEmail,
        ["Bootstrap:AdminPassword"] = ConsoleSignIn.AdminPassword,
        ["Dispatcher:AllowPrivateNetworks"] = "true",
        ["Dispatcher:RetryDelays:0"] = "1",
        ["Dispatcher:SweepIntervalSeconds"] = "1",
    };

    private static HttpClient Client(AppProcess app)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(20) };
        http.DefaultRequestHeaders.Add("X-Auth-Token", Token);
        return http;
    }

    /// <summary>A webhook to <paramref name="url"/> and the environment ITD2024 subscribed to it; answers the account's id.</summary>
    private static async Task<Guid> SetUpAsync(HttpClient http, string url)
    {
        var accountId = Guid.Parse((await http.GetFromJsonAsync<JsonNode>("/api/v1/whoami"))!["data"]!["account_id"]!.GetValue<string>());
        using var webhook = await http.SendDataAsync(HttpMethod.Put, $"/api/v1/accounts/{accountId}/webhooks",
            new { name = "hook", uri = url, hook = "*", http_verb = "post", retries = 10, signing = "none" });
        Assert.Equal(HttpStatusCode.Created, webhook.StatusCode);
        var webhookId = (await webhook.Content.ReadFromJsonAsync<JsonNode>())!["data"]!["id"]!.GetValue<string>();
        using var environment = await http.SendDataAsync(HttpMethod.Put, $"/api/v1/accounts/{accountId}/environments",
            new { name = "ITD2024", webhooks = new[] { webhookId } });
        Assert.Equal(HttpStatusCode.Created, environment.StatusCode);
        return accountId;
    }

    private static Task<HttpResponseMessage> PostEventAsync(HttpClient http, Guid accountId, string id) =>
        http.SendDataAsync(HttpMethod.Post, $"/api/v1/accounts/{accountId}/events",
            new { id, @event = "Call:Hangup", environment = "ITD2024", payload = new { duration = 60 } });

    private static async Task AssertUnavailableAsync(Task<HttpResponseMessage> request)
    {
        var (_, message) = await UnavailableAnswer.AssertAsync(request);
        Assert.Equal("the database is unavailable; try again later", message);
    }

    /// <summary>Probes <c>/readyz</c> once; it answers <paramref name="expected"/>.</summary>
    private static async Task ProbeReadinessAsync(HttpClient http, HttpStatusCode expected)
    {
        using var response = await http.GetAsync("/readyz");
        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>Probes <c>/readyz</c> as an eager load balancer does, 20 times a second for <paramref name="duration"/>; each answers <paramref name="expected"/>.</summary>
    private static async Task ProbeReadinessForAsync(HttpClient http, HttpStatusCode expected, TimeSpan duration)
    {
        using var cadence = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration && await cadence.WaitForNextTickAsync())
        {
            await ProbeReadinessAsync(http, expected);
        }
    }
}
