using System.Diagnostics;
using System.Net;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Webhooks;

/// <summary><c>POST .../test</c> sends the event type's sample at once and answers the attempt.</summary>
[Collection(AppCollection.Name)]
public sealed class WebhookTestSendTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>, IAsyncLifetime
{
    private readonly HttpClient client = fixture.Client;
    private TestReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await TestReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task Test_SendsSampleAndAnswersAttempt_WhenReceiverAccepts()
    {
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, receiver.Url("/ok"), w =>
        {
            w.EventType = "*";
            w.CustomDataJson = """{"crm": "acme"}""";
        });

        var attempt = await ApiAssert.SuccessAsync(await client.PostAsync($"{fixture.Account}/webhooks/{webhook.Id}/test", null));

        var received = Assert.Single(receiver.At("/ok"));
        Assert.Equal(200, attempt["status_code"]!.GetValue<int>());
        Assert.Equal(1, attempt["attempt"]!.GetValue<int>());
        Assert.Equal("POST", attempt["request"]!["method"]!.GetValue<string>());
        Assert.Equal(received.Body, attempt["request"]!["body"]!.GetValue<string>());
        Assert.Contains("\"event\":\"Call:Hangup\"", received.Body);
        Assert.Contains("\"crm\":\"acme\"", received.Body);
        Assert.StartsWith("v1,", received.Header("webhook-signature"));
        var deliveryId = Guid.Parse(attempt["delivery_id"]!.GetValue<string>());
        Assert.Equal(deliveryId.ToString(), received.Header("webhook-id"));
        var delivery = await fixture.App.Data.DeliveryAsync(deliveryId);
        Assert.True(delivery.IsTest);
        Assert.Equal(WebhookConsole.Features.Deliveries.DeliveryStatus.Succeeded, delivery.Status);
    }

    [Fact]
    public async Task Test_AnswersTheFailedAttempt_WhenTheResponseBodyCannotBeRead()
    {
        receiver.RespondWith("/bad-gzip", async (context, _) =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync("not gzip at all"u8.ToArray());
        });
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, receiver.Url("/bad-gzip"), w => w.EventType = "*");

        var attempt = await ApiAssert.SuccessAsync(await client.PostAsync($"{fixture.Account}/webhooks/{webhook.Id}/test", null));

        Assert.Equal(200, attempt["status_code"]!.GetValue<int>());
        Assert.StartsWith("the response body could not be read: ", attempt["error"]!.GetValue<string>());
        var delivery = await fixture.App.Data.DeliveryAsync(Guid.Parse(attempt["delivery_id"]!.GetValue<string>()));
        Assert.Equal(WebhookConsole.Features.Deliveries.DeliveryStatus.Failed, delivery.Status);
    }

    [Fact]
    public async Task Attempts_MaskCredentialLikeHeaders_ByNameOrByValue_AndKeepTheSignatureShown()
    {
        receiver.Respond("/masked", (_, _) => new ReceiverResponse(200, Headers: new Dictionary<string, string>
        {
            ["Set-Cookie"] = "receiver-session=r3ceiver",
            ["X-Echo"] = "Bearer 3cho",
        }));
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, receiver.Url("/masked"), w =>
        {
            w.EventType = "*";
            w.HeadersJson = """{"X-Hub-Signature": "shar3d", "X-Forwarded-Identity": "Basic dXNlcjpwYXNz", "X-Tenant": "acme"}""";
        });

        var sent = await ApiAssert.SuccessAsync(await client.PostAsync($"{fixture.Account}/webhooks/{webhook.Id}/test", null));
        var listed = await AppFactory.ReadJsonAsync(await client.GetAsync($"{fixture.Account}/webhooks/{webhook.Id}/attempts"));

        var received = Assert.Single(receiver.At("/masked"));
        Assert.Equal("shar3d", received.Header("X-Hub-Signature"));
        foreach (var attempt in new[] { sent, Assert.Single(listed["data"]!.AsArray())!.AsObject() })
        {
            var request = attempt["request"]!["headers"]!;
            var response = attempt["response_headers"]!;
            Assert.Equal("********", request["X-Hub-Signature"]!.GetValue<string>());
            Assert.Equal("********", request["X-Forwarded-Identity"]!.GetValue<string>());
            Assert.Equal("acme", request["X-Tenant"]!.GetValue<string>());
            Assert.Equal(received.Header("webhook-signature"), request["webhook-signature"]!.GetValue<string>());
            Assert.Equal("********", response["Set-Cookie"]!.GetValue<string>());
            Assert.Equal("********", response["X-Echo"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Test_SendsNoTraceHeadersOfTheNode_WhenItsRequestIsTraced()
    {
        // A listener makes the app trace each request it serves, as an OpenTelemetry exporter would.
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, receiver.Url("/traced"), w => w.EventType = "*");

        var attempt = await ApiAssert.SuccessAsync(await client.PostAsync($"{fixture.Account}/webhooks/{webhook.Id}/test", null));

        var received = Assert.Single(receiver.At("/traced"));
        Assert.Equal(200, attempt["status_code"]!.GetValue<int>());
        Assert.DoesNotContain(received.Headers.Keys, name => name is "traceparent" or "tracestate" or "Request-Id" or "baggage" or "Correlation-Context");
        var recorded = attempt["request"]!["headers"]!.AsObject().Select(h => h.Key.ToLowerInvariant()).ToHashSet();
        Assert.All(received.Headers.Keys.Select(k => k.ToLowerInvariant()).Where(k => k is not ("host" or "content-length" or "content-type" or "accept-encoding")),
            name => Assert.Contains(name, recorded));
    }

    [Fact]
    public async Task Test_Answers200WithFailedAttemptAndNoRetry_WhenReceiverFailsOnDisabledWebhook()
    {
        receiver.Respond("/down", (_, _) => new ReceiverResponse(503, "down"));
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, receiver.Url("/down"), w =>
        {
            w.EventType = "channel_answer";
            w.Enabled = false;
            w.Retries = 5;
        });

        var attempt = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Post, $"{fixture.Account}/webhooks/{webhook.Id}/test", new { }));

        Assert.Equal(503, attempt["status_code"]!.GetValue<int>());
        Assert.Equal("down", attempt["response_body"]!.GetValue<string>());
        Assert.Contains("\"event\":\"channel_answer\"", Assert.Single(receiver.At("/down")).Body);
        var delivery = await fixture.App.Data.DeliveryAsync(Guid.Parse(attempt["delivery_id"]!.GetValue<string>()));
        Assert.Equal(WebhookConsole.Features.Deliveries.DeliveryStatus.Failed, delivery.Status);
        Assert.Null(delivery.NextAttemptAt);
        Assert.Equal(0, (await fixture.App.Data.WebhookAsync(webhook.Id)).ConsecutiveFailures);
    }

    [Fact]
    public async Task Test_RecordsTheAttemptMadeAndSendsNoOther_WhenTheCallerGivesUpMidSend()
    {
        receiver.Respond("/slow-test", (_, _) => new ReceiverResponse(200, Delay: TimeSpan.FromSeconds(1)));
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, receiver.Url("/slow-test"), w =>
        {
            w.EventType = "*";
            w.TimeoutSeconds = 2;
        });
        using var giveUp = new CancellationTokenSource();

        var sending = client.PostAsync($"{fixture.Account}/webhooks/{webhook.Id}/test", null, giveUp.Token);
        var first = (await receiver.WaitForAsync(r => r.Any(x => x.Path == "/slow-test"), TimeSpan.FromSeconds(10), "the test request")).First(x => x.Path == "/slow-test");
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        // The receiver answers the request already on the wire: that is the test's one attempt. Left unrecorded, the
        // test delivery would stay pending until its lease ran out, and the recovery sweep would send it again.
        var deliveryId = Guid.Parse(first.Header("webhook-id"));
        var delivery = await fixture.App.Data.WaitForDeliveryAsync(deliveryId, d => d.IsFinished, TimeSpan.FromSeconds(120), "the test delivery to end");
        Assert.Equal(WebhookConsole.Features.Deliveries.DeliveryStatus.Succeeded, delivery.Status);
        Assert.Single(receiver.At("/slow-test"));
        var attempt = Assert.Single(await fixture.App.Data.AttemptsAsync(deliveryId));
        Assert.Equal(200, attempt.StatusCode);
    }

    [Fact]
    public async Task Test_UsesRequestedEvent_WhenBodyNamesOne()
    {
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, receiver.Url("/named"), w => w.EventType = "*");

        var attempt = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Post, $"{fixture.Account}/webhooks/{webhook.Id}/test", new { @event = "call.recording" }));

        Assert.Contains("\"event\":\"call.recording\"", attempt["request"]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Test_Answers400_WhenEventIsUnknownOrFieldIsUnknown()
    {
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, receiver.Url("/never"), w => w.EventType = "*");
        var url = $"{fixture.Account}/webhooks/{webhook.Id}/test";

        await ApiAssert.FieldErrorAsync(await client.SendDataAsync(HttpMethod.Post, url, new { @event = "Call:Teleport" }), HttpStatusCode.BadRequest, "event");
        await ApiAssert.FieldErrorAsync(await client.SendDataAsync(HttpMethod.Post, url, new { colour = "red" }), HttpStatusCode.BadRequest, "colour");

        Assert.Empty(receiver.At("/never"));
    }
}
