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
}
