using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using WebhookConsole.Dispatching;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching;

public sealed class WebhookSenderTests
{
    [Fact]
    public async Task RetryAfterDate_IsReadAgainstTheAppsClock()
    {
        // The app's clock is a day behind the machine's: a date 30 s ahead of it is 30 s away, not long past.
        var time = new FakeTimeProvider(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1), TimeSpan.Zero));
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Respond("/busy", (_, _) => new ReceiverResponse(503, Headers: new Dictionary<string, string>
        {
            ["Retry-After"] = time.GetUtcNow().AddSeconds(30).ToString("R"),
        }));
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var sender = new WebhookSender(services.GetRequiredService<IHttpClientFactory>(), time, NullLogger<WebhookSender>.Instance);

        var result = await sender.SendAsync(
            new OutgoingRequest("POST", receiver.Url("/busy"), [], "{}", TimeSpan.FromSeconds(10)), CancellationToken.None);

        Assert.Equal(503, result.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
    }

    [Theory]
    [InlineData("120", 120.0)]
    [InlineData("0", 0.0)]
    [InlineData("2147483647", 2147483647.0)]
    [InlineData("+30", null)]
    [InlineData("soon", null)]
    [InlineData("-5", null)]
    [InlineData("1.5", null)]
    [InlineData("99999999999", null)]
    [InlineData("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)]
    public async Task RetryAfter_IsReadAsSecondsOrADate_AndIgnoredWhenUnreadable(string header, double? expectedSeconds)
    {
        // Past dates mean "now"; what cannot be read leaves the schedule in charge; a huge value is capped by the policy.
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Respond("/busy", (_, _) => new ReceiverResponse(429, Headers: new Dictionary<string, string> { ["Retry-After"] = header }));
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var sender = new WebhookSender(services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System, NullLogger<WebhookSender>.Instance);

        var result = await sender.SendAsync(
            new OutgoingRequest("POST", receiver.Url("/busy"), [], "{}", TimeSpan.FromSeconds(10)), CancellationToken.None);

        Assert.Equal(429, result.StatusCode);
        Assert.Equal(expectedSeconds, result.RetryAfter?.TotalSeconds);
    }

    [Fact]
    public async Task RefusedConnection_IsDescribedOnce()
    {
        // A port nothing listens on: the socket's own message is already part of the request's.
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var sender = new WebhookSender(services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System, NullLogger<WebhookSender>.Instance);

        var result = await sender.SendAsync(
            new OutgoingRequest("POST", $"http://127.0.0.1:{port}/hook", [], "{}", TimeSpan.FromSeconds(10)), CancellationToken.None);

        Assert.Null(result.StatusCode);
        Assert.Equal($"Connection refused (127.0.0.1:{port})", result.Error);
    }
}
