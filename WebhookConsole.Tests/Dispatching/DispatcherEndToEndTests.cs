using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Features.Audit;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Events;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching;

/// <summary>
/// Events in through the real API, requests out to a real Kestrel receiver on loopback; run once per database
/// provider by the derived classes.
/// </summary>
public abstract class DispatcherEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private AppFactory app = null!;
    private TestReceiver receiver = null!;
    private HttpClient client = null!;
    private Guid accountId;

    public async Task InitializeAsync()
    {
        receiver = await TestReceiver.StartAsync();
        app = new AppFactory(new Dictionary<string, string?> { ["Dispatcher:DisableAfterFailures"] = "2" }, await CreateDatabaseAsync());
        client = app.CreateApiClient();
        accountId = await app.DefaultAccountIdAsync();
    }

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task Ingest_ReachesExactlySubscribedEnabledMatchingWebhooks_WhenEnvironmentHasMixedSubscriptions()
    {
        var hangup = await app.Data.AddWebhookAsync(accountId, receiver.Url("/hangup"), w => w.EventType = "Call:Hangup");
        var any = await app.Data.AddWebhookAsync(accountId, receiver.Url("/any"), w => w.EventType = "*");
        var answer = await app.Data.AddWebhookAsync(accountId, receiver.Url("/answer"), w => w.EventType = "Call:Answer");
        var disabled = await app.Data.AddWebhookAsync(accountId, receiver.Url("/disabled"), w => { w.EventType = "Call:Hangup"; w.Enabled = false; });
        var otherEnvironment = await app.Data.AddWebhookAsync(accountId, receiver.Url("/other-env"), w => w.EventType = "Call:Hangup");
        await app.Data.AddWebhookAsync(accountId, receiver.Url("/unsubscribed"), w => w.EventType = "Call:Hangup");
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", hangup.Id, any.Id, answer.Id, disabled.Id);
        await app.Data.AddEnvironmentAsync(accountId, "Other", otherEnvironment.Id);

        var response = await app.PostEventAsync(client, accountId, new { @event = "Call:Hangup", environment = "ITD2024", payload = new { uuid = "c-1" } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var deliveryIds = await AppFactory.DeliveryIdsAsync(response);
        Assert.Equal(2, deliveryIds.Count);
        foreach (var id in deliveryIds)
        {
            await app.Data.WaitForDeliveryAsync(id, d => d.Status == DeliveryStatus.Succeeded, Wait, "delivery to succeed");
        }
        var paths = receiver.Requests.Select(r => r.Path).Order().ToList();
        Assert.Equal(["/any", "/hangup"], paths);
    }

    [Fact]
    public async Task Post_SendsRenderedTemplateSignedWithStandardScheme_WhenWebhookHasTemplateAndCustomData()
    {
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/post"), w =>
        {
            w.EventType = "Call:Hangup";
            w.BodyTemplate = """{"call": "{{ uuid }}", "seconds": "{{ duration }}", "line": "Call {{ uuid }} took {{ duration }} s", "who": "{{ meta.environment }}", "nested": "{{ caller }}"}""";
            w.CustomDataJson = """{"crm": "acme", "seconds": "overridden"}""";
            w.HeadersJson = """{"X-Tenant": "t-1"}""";
        }, secret);
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);
        var payload = new { uuid = "bfd7-\"quoted\"-\n-שלום-🎉", duration = 60, caller = new { name = "José", vip = true } };

        var response = await app.PostEventAsync(client, accountId, new { id = "evt-post-1", @event = "Call:Hangup", environment = "ITD2024", payload });
        var deliveryId = (await AppFactory.DeliveryIdsAsync(response))[0];
        var request = (await receiver.WaitForAsync(r => r.Any(x => x.Path == "/post"), Wait, "the POST")).Single(r => r.Path == "/post");

        Assert.Equal("POST", request.Method);
        Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
        Assert.Equal(deliveryId.ToString(), request.Header("webhook-id"));
        Assert.InRange(long.Parse(request.Header("webhook-timestamp")), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        Assert.StartsWith("WebhookConsole/", request.Header("User-Agent"));
        Assert.Equal("t-1", request.Header("X-Tenant"));
        Assert.True(ReceiverSignatures.VerifyStandard(request, secret), "standard signature verifies");
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal(payload.uuid, body["call"]!.GetValue<string>());
        Assert.Equal("overridden", body["seconds"]!.GetValue<string>());
        Assert.Equal($"Call {payload.uuid} took 60 s", body["line"]!.GetValue<string>());
        Assert.Equal("ITD2024", body["who"]!.GetValue<string>());
        Assert.Equal("José", body["nested"]!["name"]!.GetValue<string>());
        Assert.True(body["nested"]!["vip"]!.GetValue<bool>());
        Assert.Equal("acme", body["crm"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_SendsEnvelopeAsQueryParametersSignedWithFrejun_WhenWebhookUsesGet()
    {
        const string secret = "frejun-client-secret-123";
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/get/call%20log?source=pbx"), w =>
        {
            w.EventType = "call.status";
            w.Method = "GET";
            w.Signing = SigningScheme.Frejun;
            w.CustomDataJson = """{"screen_pop": true, "note": "a b+c&d"}""";
        }, secret);
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);

        await app.PostEventAsync(client, accountId, new
        {
            id = "evt-get-1", @event = "call.status", environment = "ITD2024", timestamp = "2024-07-30T14:35:00Z",
            payload = new { call_id = "c 1", call_status = "completed" },
        });
        // The path holds an escape: the signed URL is the one on the wire, not its decoded form.
        var request = (await receiver.WaitForAsync(r => r.Any(x => x.Path == "/get/call log"), Wait, "the GET")).Single(r => r.Path == "/get/call log");

        Assert.Equal("GET", request.Method);
        Assert.Equal("", request.Body);
        Assert.StartsWith("?source=pbx&event=call.status&event_id=evt-get-1&timestamp=2024-07-30T14%3A35%3A00.000Z&environment=ITD2024&data=", request.Query);
        Assert.EndsWith("&screen_pop=true&note=a%20b%2Bc%26d", request.Query);
        var query = System.Web.HttpUtility.ParseQueryString(request.Query);
        Assert.Equal("""{"call_id":"c 1","call_status":"completed"}""", query["data"]);
        Assert.True(ReceiverSignatures.VerifyFrejun(request, secret), "frejun signature verifies over " + request.AbsoluteUrl);
    }

    [Fact]
    public async Task Post_SignsBodyWithHex_WhenWebhookUsesVolubileScheme()
    {
        const string secret = "volubile-webhook-secret";
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/hex"), w => { w.EventType = "call.completed"; w.Signing = SigningScheme.Hex; }, secret);
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);

        await app.PostEventAsync(client, accountId, new { @event = "call.completed", environment = "ITD2024", payload = new { summary = "日本語 \\ \"ok\"" } });
        var request = (await receiver.WaitForAsync(r => r.Any(x => x.Path == "/hex"), Wait, "the POST")).Single();

        Assert.True(ReceiverSignatures.VerifyHex(request, secret), "hex signature verifies");
        Assert.Equal("日本語 \\ \"ok\"", JsonNode.Parse(request.Body)!["data"]!["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delivery_SucceedsOnThirdAttemptWithOneWebhookId_WhenReceiverFailsTwice()
    {
        receiver.Respond("/flaky", (_, n) => n <= 2 ? new ReceiverResponse(500, "not yet") : ReceiverResponse.Ok);
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/flaky"), w => { w.EventType = "*"; w.Retries = 3; });
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);

        var response = await app.PostEventAsync(client, accountId, new { @event = "Call:Answer", environment = "ITD2024", payload = new { } });
        var deliveryId = (await AppFactory.DeliveryIdsAsync(response))[0];
        var delivery = await app.Data.WaitForDeliveryAsync(deliveryId, d => d.IsFinished, Wait, "the delivery to end");

        Assert.Equal(DeliveryStatus.Succeeded, delivery.Status);
        var requests = receiver.At("/flaky");
        Assert.Equal(3, requests.Count);
        Assert.Single(requests.Select(r => r.Header("webhook-id")).Distinct());
        Assert.Equal(deliveryId.ToString(), requests[0].Header("webhook-id"));
        var attempts = await app.Data.AttemptsAsync(deliveryId);
        Assert.Equal([500, 500, 200], attempts.Select(a => a.StatusCode ?? 0));
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Number));
        Assert.Equal("not yet", attempts[0].ResponseBody);
    }

    [Fact]
    public async Task Attempt_RecordsTheReceiversHeadersAsSent_WhenTheReceiverAnswers()
    {
        var headers = new Dictionary<string, string>
        {
            ["X-Receiver"] = "edge-7", ["Retry-After"] = "120", ["Cache-Control"] = "no-store, private", ["Content-Type"] = "text/plain; charset=utf-8",
        };
        receiver.Respond("/answered", (_, _) => new ReceiverResponse(503, "busy", Headers: headers));
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/answered"), w => { w.EventType = "*"; w.Retries = 0; });
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);

        var response = await app.PostEventAsync(client, accountId, new { @event = "Call:Answer", environment = "ITD2024", payload = new { } });
        var deliveryId = (await AppFactory.DeliveryIdsAsync(response))[0];
        await app.Data.WaitForDeliveryAsync(deliveryId, d => d.IsFinished, Wait, "the delivery to end");

        var attempt = Assert.Single(await app.Data.AttemptsAsync(deliveryId));
        var recorded = JsonNode.Parse(attempt.ResponseHeadersJson!)!.AsObject();
        // Response and content headers alike, each value as the receiver wrote it.
        Assert.Equal("edge-7", (string?)recorded["X-Receiver"]);
        Assert.Equal("120", (string?)recorded["Retry-After"]);
        Assert.Equal("no-store, private", (string?)recorded["Cache-Control"]);
        Assert.Equal("text/plain; charset=utf-8", (string?)recorded["Content-Type"]);
        Assert.Equal("busy", attempt.ResponseBody);
    }

    [Fact]
    public async Task Delivery_GoesToTheEditedUrl_WhenTheWebhookChangesBetweenEvents()
    {
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/before"), w => w.EventType = "*");
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);
        var first = await app.PostEventAsync(client, accountId, new { @event = "Call:Hangup", environment = "ITD2024", payload = new { n = 1 } });
        await app.Data.WaitForDeliveryAsync((await AppFactory.DeliveryIdsAsync(first))[0], d => d.Status == DeliveryStatus.Succeeded, Wait, "the first delivery");

        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"/api/v1/accounts/{accountId}/webhooks/{webhook.Id}", new { uri = receiver.Url("/after") }));
        var second = await app.PostEventAsync(client, accountId, new { @event = "Call:Hangup", environment = "ITD2024", payload = new { n = 2 } });
        await app.Data.WaitForDeliveryAsync((await AppFactory.DeliveryIdsAsync(second))[0], d => d.Status == DeliveryStatus.Succeeded, Wait, "the second delivery");

        Assert.Single(receiver.At("/before"));
        Assert.Single(receiver.At("/after"));
    }

    [Fact]
    public async Task Webhook_IsDisabledWithReason_WhenDeliveriesFailInARow()
    {
        receiver.Respond("/dead", (_, _) => new ReceiverResponse(503, "down"));
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/dead"), w => { w.EventType = "*"; w.Retries = 1; });
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);

        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var response = await app.PostEventAsync(client, accountId, new { @event = "Call:Hangup", environment = "ITD2024", payload = new { n = i } });
            ids.Add((await AppFactory.DeliveryIdsAsync(response))[0]);
        }
        foreach (var id in ids)
        {
            var delivery = await app.Data.WaitForDeliveryAsync(id, d => d.IsFinished, Wait, "the delivery to fail");
            Assert.Equal(DeliveryStatus.Failed, delivery.Status);
            Assert.Equal(2, delivery.AttemptCount);
            Assert.Equal(503, delivery.LastStatusCode);
        }

        var disabled = await app.Data.WaitForWebhookAsync(webhook.Id, w => !w.Enabled, Wait, "the webhook to be disabled");
        Assert.StartsWith("2 deliveries in a row failed", disabled.DisabledReason);
        var after = await app.PostEventAsync(client, accountId, new { @event = "Call:Hangup", environment = "ITD2024", payload = new { } });
        Assert.Empty(await AppFactory.DeliveryIdsAsync(after));
    }

    [Fact]
    public async Task FailedDelivery_IsCountedInTheTransactionOfItsAttempt_BeforeTheWebhookHealthStepRuns()
    {
        receiver.Respond("/down", (_, _) => new ReceiverResponse(500, "down"));
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/down"), w => { w.EventType = "*"; w.Retries = 0; });
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);

        var failed = await FailedCommitsSeenAsync(webhook.Id, events: 1);

        Assert.Equal(1, Assert.Single(failed).Failures);
        Assert.Equal(1, (await app.Data.WebhookAsync(webhook.Id)).ConsecutiveFailures);
    }

    [Fact]
    public async Task GoneAnswer_DisablesTheWebhookInTheTransactionOfItsAttempt_BeforeTheWebhookHealthStepRuns()
    {
        receiver.Respond("/gone-now", (_, _) => new ReceiverResponse(410, "gone"));
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/gone-now"), w => { w.EventType = "*"; w.Retries = 5; });
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);

        var failed = Assert.Single(await FailedCommitsSeenAsync(webhook.Id, events: 1));

        Assert.False(failed.Enabled);
        Assert.Equal("the receiver answered 410 Gone", failed.DisabledReason);
        Assert.Equal(1, failed.SwitchOffsAudited);
    }

    [Fact]
    public async Task FailureReachingTheThreshold_DisablesTheWebhookInTheTransactionOfItsAttempt_BeforeTheWebhookHealthStepRuns()
    {
        receiver.Respond("/failing", (_, _) => new ReceiverResponse(500, "down"));
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/failing"), w => { w.EventType = "*"; w.Retries = 0; });
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);

        var failed = await FailedCommitsSeenAsync(webhook.Id, events: 2);

        Assert.Equal([(1, true, 0), (2, false, 1)], failed.Select(f => (f.Failures, f.Enabled, f.SwitchOffsAudited)));
        Assert.StartsWith("2 deliveries in a row failed; last: receiver answered 500", failed[1].DisabledReason);
    }

    /// <summary>
    /// Posts <paramref name="events"/> events one after the other, each delivered (and ended failed) before the next,
    /// and answers what was stored of the webhook (and of its switch-off's audit) each time a failed delivery's commit was announced. The recorder
    /// announces a delivery's move as soon as its attempt is committed, before it turns to the webhook's health:
    /// what is stored at that moment is what a kill of the process right then would leave.
    /// </summary>
    private async Task<List<(int Failures, bool Enabled, string? DisabledReason, int SwitchOffsAudited)>> FailedCommitsSeenAsync(Guid webhookId, int events)
    {
        var afterCommit = new ConcurrentQueue<(int Failures, bool Enabled, string? DisabledReason, int SwitchOffsAudited)>();
        var entityId = webhookId.ToString();
        void Observe(IReadOnlyCollection<Guid> ids)
        {
            using var db = app.Database.CreateContext();
            if (db.Deliveries.AsNoTracking().Any(d => ids.Contains(d.Id) && d.WebhookId == webhookId && d.Status == DeliveryStatus.Failed))
            {
                var webhook = db.Webhooks.AsNoTracking().Single(w => w.Id == webhookId);
                var audited = db.AuditEntries.AsNoTracking().Count(e => e.EntityId == entityId && e.Action == AuditActions.WebhookDisabled);
                afterCommit.Enqueue((webhook.ConsecutiveFailures, webhook.Enabled, webhook.DisabledReason, audited));
            }
        }
        var changes = app.Services.GetRequiredService<DeliveryChanges>();
        changes.Changed += Observe;
        try
        {
            for (var i = 1; i <= events; i++)
            {
                var response = await app.PostEventAsync(client, accountId, new { @event = "Call:Hangup", environment = "ITD2024", payload = new { n = i } });
                var deliveryId = (await AppFactory.DeliveryIdsAsync(response))[0];
                await app.Data.WaitForDeliveryAsync(deliveryId, d => d.IsFinished, Wait, "the delivery to end");
                await Poll.UntilAsync(() => afterCommit.Count >= i, Wait, "the failed attempt's commit to be announced");
            }
        }
        finally
        {
            changes.Changed -= Observe;
        }
        return [.. afterCommit];
    }

    [Fact]
    public async Task Webhook_IsDisabledAtOnce_WhenReceiverAnswersGone()
    {
        receiver.Respond("/gone", (_, _) => new ReceiverResponse(410, "gone"));
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/gone"), w => { w.EventType = "*"; w.Retries = 5; });
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);

        var response = await app.PostEventAsync(client, accountId, new { @event = "Call:Hangup", environment = "ITD2024", payload = new { } });
        var deliveryId = (await AppFactory.DeliveryIdsAsync(response))[0];
        var delivery = await app.Data.WaitForDeliveryAsync(deliveryId, d => d.IsFinished, Wait, "the delivery to end");

        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal(1, delivery.AttemptCount);
        var disabled = await app.Data.WaitForWebhookAsync(webhook.Id, w => !w.Enabled, Wait, "the webhook to be disabled");
        Assert.Contains("410", disabled.DisabledReason);
        Assert.Equal(1, disabled.ConsecutiveFailures);
    }

    [Fact]
    public async Task Ingest_AnswersFirstResultWithoutNewDeliveries_WhenEventIdRepeats()
    {
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/once"), w => w.EventType = "*");
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);

        var first = await app.PostEventAsync(client, accountId, new { id = "evt-dup", @event = "Call:Hangup", environment = "ITD2024", payload = new { a = 1 } });
        var second = await app.PostEventAsync(client, accountId, new { id = "evt-dup", @event = "Call:Answer", environment = "ITD2024", payload = new { a = 2 } });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var firstData = (await AppFactory.ReadJsonAsync(first))["data"]!.ToJsonString();
        Assert.Equal(firstData, (await AppFactory.ReadJsonAsync(second))["data"]!.ToJsonString());
        Assert.Equal(1, await app.Data.CountAsync<Delivery>());
    }
    [Fact]
    public async Task Ingest_AnswersFirstResult_WhenEventIdRepeatsNamingAnUnknownEnvironmentOrEventType()
    {
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/once"), w => w.EventType = "*");
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);
        var first = await app.PostEventAsync(client, accountId, new { id = "evt-seen", @event = "Call:Hangup", environment = "ITD2024", payload = new { a = 1 } });

        var otherEnvironment = await app.PostEventAsync(client, accountId, new { id = "evt-seen", @event = "Call:Hangup", environment = "nowhere", payload = new { a = 1 } });
        var otherType = await app.PostEventAsync(client, accountId, new { id = "evt-seen", @event = "No:Such", environment = "ITD2024", payload = new { a = 1 } });
        var unseen = await app.PostEventAsync(client, accountId, new { id = "evt-unseen", @event = "Call:Hangup", environment = "nowhere", payload = new { a = 1 } });

        var firstData = (await AppFactory.ReadJsonAsync(first))["data"]!.ToJsonString();
        Assert.Equal(HttpStatusCode.OK, otherEnvironment.StatusCode);
        Assert.Equal(firstData, (await AppFactory.ReadJsonAsync(otherEnvironment))["data"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, otherType.StatusCode);
        Assert.Equal(firstData, (await AppFactory.ReadJsonAsync(otherType))["data"]!.ToJsonString());
        await ApiAssert.FieldErrorAsync(unseen, HttpStatusCode.BadRequest, "environment");
        Assert.Equal(1, await app.Data.CountAsync<CallEvent>());
    }

    [Fact]
    public async Task Ingest_StoresOneEvent_WhenManyRequestsWithOneIdArriveAtOnce()
    {
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/once"), w => w.EventType = "*");
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            app.PostEventAsync(client, accountId, new { id = "evt-race", @event = "Call:Hangup", environment = "ITD2024", payload = new { a = i } })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.Equal(15, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var answers = await Task.WhenAll(responses.Select(async r => (await AppFactory.ReadJsonAsync(r))["data"]!.ToJsonString()));
        Assert.Single(answers.Distinct());
        Assert.Equal(1, await app.Data.CountAsync<CallEvent>());
        Assert.Equal(1, await app.Data.CountAsync<Delivery>());
    }
}
