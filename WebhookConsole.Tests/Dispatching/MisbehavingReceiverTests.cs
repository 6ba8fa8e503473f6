using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Storage.Monitoring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching;

/// <summary>
/// Receivers that answer badly, on loopback (Kestrel, or raw TCP where no HTTP server would misbehave so): what each
/// attempt records, and that every delivery still moves on, its lease given back. Run once per database provider.
/// </summary>
public abstract class MisbehavingReceiverTests : IAsyncLifetime
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private AppFactory app = null!;
    private TestReceiver receiver = null!;
    private HttpClient client = null!;
    private Guid accountId;

    public async Task InitializeAsync() => receiver = await TestReceiver.StartAsync();

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>The app, with <paramref name="retryDelaySeconds"/> as every retry's scheduled delay.</summary>
    protected async Task StartAppAsync(int retryDelaySeconds = 1)
    {
        app = new AppFactory(new Dictionary<string, string?> { ["Dispatcher:RetryDelays:0"] = retryDelaySeconds.ToString() }, await CreateDatabaseAsync());
        client = app.CreateApiClient();
        accountId = await app.DefaultAccountIdAsync();
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
        await receiver.DisposeAsync();
    }

    protected async Task<Guid> DeliverAsync(string url, int retries, int timeoutSeconds = 10)
    {
        var webhook = await app.Data.AddWebhookAsync(accountId, url, w => { w.EventType = "*"; w.Retries = retries; w.TimeoutSeconds = timeoutSeconds; });
        // An environment of its own, so a test may deliver to several webhooks one at a time.
        var environment = await app.Data.AddEnvironmentAsync(accountId, "env-" + webhook.Id, webhook.Id);
        var response = await app.PostEventAsync(client, accountId, new { @event = "Call:Hangup", environment = environment.Name, payload = new { uuid = "c-1" } });
        return (await AppFactory.DeliveryIdsAsync(response))[0];
    }

    private async Task<Delivery> FinishedAsync(Guid deliveryId)
    {
        var delivery = await app.Data.WaitForDeliveryAsync(deliveryId, d => d.IsFinished, Wait, "the delivery to end");
        Assert.Null(delivery.LeaseOwner);
        return delivery;
    }

    [Fact]
    public async Task Attempt_FailsWithTheStatusSeenAndIsRetried_WhenTheResponseBreaksOffMidBody()
    {
        await StartAppAsync();
        await using var raw = RawHttpReceiver.Start("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\npartial");

        var delivery = await FinishedAsync(await DeliverAsync(raw.Url("/broken"), retries: 1));

        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal(2, raw.Requests);
        var attempts = await app.Data.AttemptsAsync(delivery.Id);
        Assert.Equal([1, 2], attempts.Select(a => a.Number));
        Assert.All(attempts, a =>
        {
            Assert.Equal(200, a.StatusCode);
            Assert.Equal("partial", a.ResponseBody);
            Assert.StartsWith("the response body could not be read: ", a.Error);
        });
    }

    [Fact]
    public async Task Attempt_FailsAndIsRetried_WhenTheResponseBodyCannotBeDecompressed()
    {
        await StartAppAsync();
        receiver.RespondWith("/bad-gzip", async (context, _) =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync("not gzip at all"u8.ToArray());
        });

        var delivery = await FinishedAsync(await DeliverAsync(receiver.Url("/bad-gzip"), retries: 1));

        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal(2, receiver.At("/bad-gzip").Count);
        Assert.All(await app.Data.AttemptsAsync(delivery.Id), a =>
        {
            Assert.Equal(200, a.StatusCode);
            Assert.StartsWith("the response body could not be read: ", a.Error);
        });
    }

    [Fact]
    public async Task BinaryResponseBody_IsStoredAndServedAsText_WhenTheReceiverAnswersBytesThatAreNotUtf8()
    {
        await StartAppAsync();
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        receiver.RespondWith("/binary", async (context, _) =>
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(bytes);
        });

        var delivery = await FinishedAsync(await DeliverAsync(receiver.Url("/binary"), retries: 0));

        Assert.Equal(DeliveryStatus.Succeeded, delivery.Status);
        var stored = Assert.Single(await app.Data.AttemptsAsync(delivery.Id)).ResponseBody!;
        // U+0000 becomes U+FFFD like every byte that is not UTF-8; the printable ASCII in between stays as sent.
        Assert.Equal('\uFFFD', stored[0]);
        Assert.DoesNotContain('\0', stored);
        Assert.Contains(Encoding.ASCII.GetString(bytes, 0x20, 0x5F), stored);
        var served = await client.GetAsync($"/api/v1/accounts/{accountId}/webhooks/{delivery.WebhookId}/attempts");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var item = (await AppFactory.ReadJsonAsync(served))["data"]!.AsArray().Single()!;
        Assert.Equal(stored, item["response_body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Attempt_RecordsTheTimeoutReleasesTheLeaseAndSchedulesTheRetry_WhenTheReceiverNeverAnswers()
    {
        await StartAppAsync();
        receiver.RespondWith("/silent", (context, _) => Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default));

        var deliveryId = await DeliverAsync(receiver.Url("/silent"), retries: 1, timeoutSeconds: 1);
        // The retry waits about a second, ample time to see the delivery between its attempts.
        var between = await app.Data.WaitForDeliveryAsync(deliveryId, d => d.AttemptCount >= 1, Wait, "the first attempt");
        var delivery = await FinishedAsync(deliveryId);

        Assert.Equal(1, between.AttemptCount);
        Assert.Equal(DeliveryStatus.Retrying, between.Status);
        Assert.Null(between.LeaseOwner);
        Assert.NotNull(between.NextAttemptAt);
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        var attempts = await app.Data.AttemptsAsync(deliveryId);
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a =>
        {
            Assert.Null(a.StatusCode);
            Assert.Equal("timed out after 1 s", a.Error);
            Assert.InRange(a.DurationMs, 900, 10_000);
        });
    }

    [Fact]
    public async Task Attempt_FailsWithTheStatusSeen_WhenTheBodyTricklesPastTheTimeout()
    {
        await StartAppAsync();
        receiver.RespondWith("/trickle", async (context, _) =>
        {
            try
            {
                while (true)
                {
                    await context.Response.WriteAsync(".", context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    await Task.Delay(100, context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        var delivery = await FinishedAsync(await DeliverAsync(receiver.Url("/trickle"), retries: 0, timeoutSeconds: 1));

        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        var attempt = Assert.Single(await app.Data.AttemptsAsync(delivery.Id));
        Assert.Equal(200, attempt.StatusCode);
        Assert.Equal("timed out after 1 s while reading the response body", attempt.Error);
        Assert.StartsWith(".", attempt.ResponseBody);
    }

    [Fact]
    public async Task Attempt_KeepsTheFirst64KiB_WhenTheReceiverAnswersAnEnormousOrCompressedBody()
    {
        await StartAppAsync();
        receiver.RespondWith("/enormous", async (context, _) =>
        {
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'a');
            context.Response.ContentLength = 1L << 30;
            for (var i = 0; i < 1 << 14 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted).AsTask().ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
        receiver.RespondWith("/bomb", async (context, _) =>
        {
            // 100 MiB of text in about 100 KiB.
            var compressed = new MemoryStream();
            await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var chunk = new byte[1 << 20];
                Array.Fill(chunk, (byte)'b');
                for (var i = 0; i < 100; i++)
                {
                    gzip.Write(chunk);
                }
            }
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(compressed.ToArray());
        });

        foreach (var (path, letter) in new[] { ("/enormous", 'a'), ("/bomb", 'b') })
        {
            var delivery = await FinishedAsync(await DeliverAsync(receiver.Url(path), retries: 0));

            Assert.Equal(DeliveryStatus.Succeeded, delivery.Status);
            var body = Assert.Single(await app.Data.AttemptsAsync(delivery.Id)).ResponseBody!;
            Assert.Equal(64 * 1024, body.Length);
            Assert.All(body, c => Assert.Equal(letter, c));
        }
    }

    [Fact]
    public async Task Attempt_RecordsTheRedirectWithoutFollowingIt_WhenTheReceiverRedirectsToAnotherHost()
    {
        await StartAppAsync();
        await using var elsewhere = await TestReceiver.StartAsync();
        var target = elsewhere.Url("/moved").Replace("127.0.0.1", "localhost");
        receiver.Respond("/redirect", (_, _) => new ReceiverResponse(307, "moved", Headers: new Dictionary<string, string> { ["Location"] = target }));

        var delivery = await FinishedAsync(await DeliverAsync(receiver.Url("/redirect"), retries: 1));

        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal("receiver answered 307", delivery.LastError);
        Assert.Equal(2, receiver.At("/redirect").Count);
        Assert.Empty(elsewhere.Requests);
        Assert.All(await app.Data.AttemptsAsync(delivery.Id), a =>
        {
            Assert.Equal(307, a.StatusCode);
            Assert.Equal("moved", a.ResponseBody);
            Assert.Equal(target, (string?)JsonNode.Parse(a.ResponseHeadersJson!)!["Location"]);
        });
    }

    [Fact]
    public async Task Attempt_FailsWithTheReason_WhenTheResponseHeadersExceedTheLimit()
    {
        await StartAppAsync();
        receiver.RespondWith("/headers", async (context, _) =>
        {
            for (var i = 0; i < 100; i++)
            {
                context.Response.Headers["X-Padding-" + i] = new string('v', 1000);
            }
            await context.Response.WriteAsync("ok");
        });

        var delivery = await FinishedAsync(await DeliverAsync(receiver.Url("/headers"), retries: 0));

        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        var attempt = Assert.Single(await app.Data.AttemptsAsync(delivery.Id));
        Assert.Null(attempt.StatusCode);
        Assert.Contains("headers length exceeded", attempt.Error);
    }

    [Fact]
    public async Task Retry_ComesAtTheReceiversRetryAfter_WhenItIsSoonerThanTheSchedule()
    {
        await StartAppAsync(retryDelaySeconds: 600);
        receiver.Respond("/busy", (_, n) => n == 1
            ? new ReceiverResponse(503, "busy", Headers: new Dictionary<string, string> { ["Retry-After"] = "1" })
            : ReceiverResponse.Ok);
        receiver.Respond("/garbled", (_, _) => new ReceiverResponse(429, "slow down", Headers: new Dictionary<string, string> { ["Retry-After"] = "soon-ish" }));

        var busy = await FinishedAsync(await DeliverAsync(receiver.Url("/busy"), retries: 1));
        var garbled = await app.Data.WaitForDeliveryAsync(await DeliverAsync(receiver.Url("/garbled"), retries: 1), d => d.AttemptCount == 1, Wait, "the first attempt");

        Assert.Equal(DeliveryStatus.Succeeded, busy.Status);
        Assert.Equal(2, busy.AttemptCount);
        // A Retry-After that cannot be read leaves the schedule (600 s, give or take its jitter) in charge.
        Assert.Equal(DeliveryStatus.Retrying, garbled.Status);
        Assert.InRange((garbled.NextAttemptAt!.Value - garbled.UpdatedAt).TotalSeconds, 479, 721);
    }

    [Fact]
    public async Task Retry_WaitsAtLeastTheScheduledDelayLessItsJitter_WhenTheReceiverFailsOnce()
    {
        await StartAppAsync(retryDelaySeconds: 2);
        receiver.Respond("/once", (_, n) => n == 1 ? new ReceiverResponse(500, "not yet") : ReceiverResponse.Ok);

        var delivery = await FinishedAsync(await DeliverAsync(receiver.Url("/once"), retries: 1));

        Assert.Equal(DeliveryStatus.Succeeded, delivery.Status);
        var requests = receiver.At("/once");
        Assert.Equal(2, requests.Count);
        // 2 s with at most 20 % jitter: never sooner than 1.6 s after the failed attempt.
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(1.6),
            $"the retry came {(requests[1].ReceivedAt - requests[0].ReceivedAt).TotalSeconds:0.000} s after the failure");
    }

    /// <summary>
    /// A delivery to a receiver that always answers 500, once its first attempt has failed and its retry (at the
    /// 600 s delay the app was started with) is waiting.
    /// </summary>
    protected async Task<Delivery> RetryingAsync()
    {
        await StartAppAsync(retryDelaySeconds: 600);
        receiver.Respond("/down", (_, _) => new ReceiverResponse(500, "down"));
        return await app.Data.WaitForDeliveryAsync(
            await DeliverAsync(receiver.Url("/down"), retries: 1), d => d.Status == DeliveryStatus.Retrying, Wait, "the retry to be scheduled");
    }

    protected AppFactory App => app;

    protected TestReceiver Receiver => receiver;

    protected ScheduledJobDto? ScheduledJobOf(Guid deliveryId) =>
        app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 1000)
            .Select(j => j.Value)
            .FirstOrDefault(j => j.Job?.Args is [Guid id, ..] && id == deliveryId);

    [Fact]
    public async Task Retry_GoesToTheEditedWebhook_WhenItChangesWhileAnAttemptIsOnTheWire()
    {
        await StartAppAsync();
        var held = new TaskCompletionSource();
        receiver.RespondWith("/old", async (context, _) =>
        {
            await held.Task;
            context.Response.StatusCode = 500;
        });
        var deliveryId = await DeliverAsync(receiver.Url("/old"), retries: 1, timeoutSeconds: 60);
        await receiver.WaitForAsync(r => r.Any(x => x.Path == "/old"), Wait, "the first attempt");
        var webhookId = (await app.Data.DeliveryAsync(deliveryId)).WebhookId;

        // The lease outlasts the longest timeout a webhook may have.
        var leased = await app.Data.DeliveryAsync(deliveryId);
        Assert.True(leased.LeaseUntil > DateTime.UtcNow.AddSeconds(60), $"lease until {leased.LeaseUntil:O}");
        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"/api/v1/accounts/{accountId}/webhooks/{webhookId}", new { uri = receiver.Url("/new") }));
        held.SetResult();
        var delivery = await FinishedAsync(deliveryId);

        Assert.Equal(DeliveryStatus.Succeeded, delivery.Status);
        Assert.Equal([receiver.Url("/old"), receiver.Url("/new")], (await app.Data.AttemptsAsync(deliveryId)).Select(a => a.RequestUrl));
    }

    [Fact]
    public async Task Delivery_EndsAfterItsAttemptInFlight_WhenTheWebhookIsDeletedMeanwhile()
    {
        await StartAppAsync();
        var held = new TaskCompletionSource();
        receiver.RespondWith("/doomed", async (context, _) =>
        {
            await held.Task;
            context.Response.StatusCode = 500;
        });
        var deliveryId = await DeliverAsync(receiver.Url("/doomed"), retries: 3);
        await receiver.WaitForAsync(r => r.Any(x => x.Path == "/doomed"), Wait, "the first attempt");
        var webhookId = (await app.Data.DeliveryAsync(deliveryId)).WebhookId;

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/accounts/{accountId}/webhooks/{webhookId}")).StatusCode);
        held.SetResult();
        var delivery = await FinishedAsync(deliveryId);

        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal("webhook deleted", delivery.LastError);
        var attempt = Assert.Single(await app.Data.AttemptsAsync(deliveryId));
        Assert.Equal(500, attempt.StatusCode);
        Assert.Single(receiver.At("/doomed"));
    }
}
