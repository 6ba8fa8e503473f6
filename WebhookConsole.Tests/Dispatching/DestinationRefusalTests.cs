using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching;

/// <summary>
/// With private networks not allowed (the default), a loopback receiver is never called; run once per database
/// provider by the derived classes.
/// </summary>
public abstract class DestinationRefusalTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("localhost", "loopback")]
    // Other spellings of 127.0.0.1: decimal, octal, short form, IPv4-mapped IPv6.
    [InlineData("2130706433", "loopback")]
    [InlineData("0177.0.0.1", "loopback")]
    [InlineData("127.1", "loopback")]
    [InlineData("[::ffff:127.0.0.1]", "loopback")]
    public async Task Delivery_FailsWithRefusalAndNothingIsSent_WhenDestinationIsLoopback(string host, string reason)
    {
        await using var receiver = await TestReceiver.StartAsync();
        await using var app = new AppFactory(new Dictionary<string, string?> { ["Dispatcher:AllowPrivateNetworks"] = "false" }, await CreateDatabaseAsync());
        using var client = app.CreateApiClient();
        var accountId = await app.DefaultAccountIdAsync();
        var url = receiver.Url("/private").Replace("127.0.0.1", host, StringComparison.Ordinal);
        var webhook = await app.Data.AddWebhookAsync(accountId, url, w => { w.EventType = "*"; w.Retries = 0; });
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);

        var response = await app.PostEventAsync(client, accountId, new { @event = "Call:Hangup", environment = "ITD2024", payload = new { } });
        var deliveryId = (await AppFactory.DeliveryIdsAsync(response))[0];
        var delivery = await app.Data.WaitForDeliveryAsync(deliveryId, d => d.IsFinished, Wait, "the delivery to end");

        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Contains("destination refused", delivery.LastError);
        Assert.Contains(reason, delivery.LastError);
        Assert.Empty(receiver.Requests);
        var attempt = Assert.Single(await app.Data.AttemptsAsync(deliveryId));
        Assert.Null(attempt.StatusCode);
    }

    [Fact]
    public async Task Delivery_IsRefusedWithoutRequest_WhenHttpsIsRequiredAndUrlIsHttp()
    {
        await using var receiver = await TestReceiver.StartAsync();
        await using var app = new AppFactory(new Dictionary<string, string?> { ["Dispatcher:RequireHttps"] = "true" }, await CreateDatabaseAsync());
        using var client = app.CreateApiClient();
        var accountId = await app.DefaultAccountIdAsync();
        var webhook = await app.Data.AddWebhookAsync(accountId, receiver.Url("/plain"), w => { w.EventType = "*"; w.Retries = 0; });
        await app.Data.AddEnvironmentAsync(accountId, "ITD2024", webhook.Id);

        var response = await app.PostEventAsync(client, accountId, new { @event = "Call:Hangup", environment = "ITD2024", payload = new { } });
        var deliveryId = (await AppFactory.DeliveryIdsAsync(response))[0];
        var delivery = await app.Data.WaitForDeliveryAsync(deliveryId, d => d.IsFinished, Wait, "the delivery to end");

        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Contains("RequireHttps", delivery.LastError);
        Assert.Empty(receiver.Requests);
    }
}
