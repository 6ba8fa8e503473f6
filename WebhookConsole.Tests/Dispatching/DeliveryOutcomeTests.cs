using System.Net;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching;

/// <summary>
/// How a delivery ends: any 2xx is a success, and a webhook switched off (by an admin, or by a 410) ends its pending
/// retries failed with the reason <c>webhook disabled</c>. Retries wait a minute here, so a retry is still pending when
/// the webhook is switched off.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DeliveryOutcomeTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private AppFactory app = null!;
    private TestReceiver receiver = null!;
    private HttpClient client = null!;
    private Guid accountId;

    public async Task InitializeAsync()
    {
        receiver = await TestReceiver.StartAsync();
        app = new AppFactory(new Dictionary<string, string?> { ["Dispatcher:RetryDelays:0"] = "60" });
        client = app.CreateApiClient();
        accountId = await app.DefaultAccountIdAsync();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Theory]
    [InlineData(201)]
    [InlineData(202)]
    [InlineData(204)]
    [InlineData(299)]
    public async Task Delivery_SucceedsAtTheFirstAttempt_WhenTheReceiverAnswersAny2xx(int status)
    {
        receiver.Respond("/ok", (_, _) => new ReceiverResponse(status, ""));
        var (_, deliveryId) = await PostToNewWebhookAsync("/ok", retries: 3);

        var delivery = await app.Data.WaitForDeliveryAsync(deliveryId, d => d.IsFinished, Wait, "the delivery to end");

        Assert.Equal(DeliveryStatus.Succeeded, delivery.Status);
        Assert.Equal(1, delivery.AttemptCount);
        Assert.Equal(status, delivery.LastStatusCode);
    }

    [Fact]
    public async Task PendingRetry_EndsFailedWithWebhookDisabled_WhenAnAdminDisablesTheWebhook()
    {
        receiver.Respond("/down", (_, _) => new ReceiverResponse(500, "down"));
        var (webhookId, deliveryId) = await PostToNewWebhookAsync("/down", retries: 5);
        await app.Data.WaitForDeliveryAsync(deliveryId, d => d.Status == DeliveryStatus.Retrying, Wait, "the first attempt to fail");

        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"/api/v1/accounts/{accountId}/webhooks/{webhookId}", new { enabled = false }));

        var delivery = await app.Data.WaitForDeliveryAsync(deliveryId, d => d.IsFinished, Wait, "the pending retry to end");
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal("webhook disabled", delivery.LastError);
        Assert.Null(delivery.NextAttemptAt);
        Assert.Single(receiver.At("/down"));
    }

    [Fact]
    public async Task PendingRetry_EndsFailedWithWebhookDisabled_WhenAnotherDeliveryMeetsGone()
    {
        // The first request fails and waits for its retry; the second meets a 410, which switches the webhook off.
        receiver.Respond("/going", (_, n) => n == 1 ? new ReceiverResponse(500, "down") : new ReceiverResponse(410, "gone"));
        var (webhookId, waiting) = await PostToNewWebhookAsync("/going", retries: 5);
        await app.Data.WaitForDeliveryAsync(waiting, d => d.Status == DeliveryStatus.Retrying, Wait, "the first attempt to fail");

        var gone = await PostEventAsync();

        Assert.Equal(DeliveryStatus.Failed, (await app.Data.WaitForDeliveryAsync(gone, d => d.IsFinished, Wait, "the 410 to end its delivery")).Status);
        await app.Data.WaitForWebhookAsync(Guid.Parse(webhookId), w => !w.Enabled, Wait, "the webhook to be disabled");
        var delivery = await app.Data.WaitForDeliveryAsync(waiting, d => d.IsFinished, Wait, "the pending retry to end");
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal("webhook disabled", delivery.LastError);
        Assert.Equal(2, receiver.At("/going").Count);
    }

    /// <summary>A webhook for every event, subscribed by the environment ITD2024, and one event posted to it.</summary>
    private async Task<(string WebhookId, Guid DeliveryId)> PostToNewWebhookAsync(string path, int retries)
    {
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url(path), w => { w.EventType = "*"; w.Retries = retries; });
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);
        return (webhook.Id.ToString(), await PostEventAsync());
    }

    private async Task<Guid> PostEventAsync()
    {
        var response = await app.PostEventAsync(client, accountId, new { @event = "Call:Hangup", environment = "ITD2024", payload = new { } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return Assert.Single(await AppFactory.DeliveryIdsAsync(response));
    }
}
