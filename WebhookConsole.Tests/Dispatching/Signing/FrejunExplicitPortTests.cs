using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Dispatching;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching.Signing;

/// <summary>
/// A webhook URI that names its scheme's default port (<c>http://host:80/...</c>): the FreJun signature covers the
/// URL with that port, so the request must carry it too, or a receiver rebuilding the URL from its request (scheme,
/// Host header, target) signs a different string. The webhook client's connections are routed to the loopback
/// receiver, since the test cannot listen on port 80 itself.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FrejunExplicitPortTests : IAsyncLifetime
{
    private const string Secret = "frejun-client-secret-explicit-port";
    private AppFactory app = null!;
    private WebApplicationFactory<Program> routed = null!;
    private TestReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        receiver = await TestReceiver.StartAsync();
        var receiverPort = new Uri(receiver.BaseUrl).Port;
        app = new AppFactory();
        routed = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddHttpClient(WebhookSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = (_, cancellationToken) => ConnectAsync(receiverPort, cancellationToken),
            })));
    }

    public async Task DisposeAsync()
    {
        await routed.DisposeAsync();
        await app.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    public async Task Send_SignatureVerifiesAgainstTheRequestAsReceived_WhenUriNamesTheDefaultPort(string method)
    {
        // Arrange
        var data = new TestData(routed.Services);
        var accountId = await DefaultAccountIdAsync();
        var webhook = await data.AddWebhookAsync(accountId, "http://127.0.0.1:80/frejun?source=pbx", w =>
        {
            w.EventType = "Call:Hangup";
            w.Method = method;
            w.Signing = SigningScheme.Frejun;
        }, Secret);
        using var client = routed.CreateClient();
        client.DefaultRequestHeaders.Add("X-Auth-Token", AppFactory.Token);

        // Act
        var response = await client.PostAsync($"/api/v1/accounts/{accountId}/webhooks/{webhook.Id}/test", null);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = (await receiver.WaitForAsync(r => r.Any(x => x.Path == "/frejun"), TimeSpan.FromSeconds(30), "the test request"))
            .Single(r => r.Path == "/frejun");
        Assert.True(ReceiverSignatures.VerifyFrejun(request, Secret), "frejun signature verifies over " + request.AbsoluteUrl);
        Assert.Equal("127.0.0.1:80", request.Header("Host"));
    }

    private async Task<Guid> DefaultAccountIdAsync()
    {
        using var client = routed.CreateClient();
        client.DefaultRequestHeaders.Add("X-Auth-Token", AppFactory.Token);
        var whoami = await AppFactory.ReadJsonAsync(await client.GetAsync("/api/v1/whoami"));
        return Guid.Parse(whoami["data"]!["account_id"]!.GetValue<string>());
    }

    private static async ValueTask<Stream> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
