using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using WebhookConsole.Dispatching;

namespace WebhookConsole.Bench;

/// <summary>
/// The delivery scenario's shape with nothing of the app in it: Kestrel on loopback takes any POST, answers
/// <c>202</c> with one delivery id as the events API does, and hands the body to as many senders as the dispatcher
/// has send slots, which POST it to the receiver. No parsing, validation, storage, rendering or signing: what this
/// reaches is the ceiling of two HTTP exchanges per event with the same clients, whatever a dispatcher does.
/// </summary>
internal sealed class BenchRelay : IAsyncDisposable
{
    private static readonly byte[] AnswerStart = Encoding.UTF8.GetBytes("{\"data\":{\"delivery_ids\":[\"");
    private static readonly byte[] AnswerEnd = Encoding.UTF8.GetBytes("\"]}}");

    private readonly WebApplication app;
    private readonly HttpClient http = new(new SocketsHttpHandler { UseProxy = false, UseCookies = false, AllowAutoRedirect = false });
    private readonly Channel<(string Id, byte[] Body)> pending = Channel.CreateUnbounded<(string, byte[])>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Task[] senders;
    private readonly string targetUrl;

    private BenchRelay(WebApplication app, string targetUrl)
    {
        this.app = app;
        this.targetUrl = targetUrl;
        senders = Enumerable.Range(0, new DispatcherOptions().WorkerCount).Select(_ => Task.Run(SendAllAsync)).ToArray();
    }

    public string BaseUrl { get; private set; } = "";

    public static async Task<BenchRelay> StartAsync(BenchReceiver receiver)
    {
        var relay = new BenchRelay(LoopbackServer.Create(), receiver.BaseUrl + "/relay");
        relay.BaseUrl = await LoopbackServer.StartAsync(relay.app, relay.HandleAsync);
        return relay;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var id = Guid.NewGuid().ToString();
        pending.Writer.TryWrite((id, body.ToArray()));
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(AnswerStart);
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(id));
        await context.Response.Body.WriteAsync(AnswerEnd);
    }

    private async Task SendAllAsync()
    {
        await foreach (var (id, body) in pending.Reader.ReadAllAsync())
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, targetUrl) { Content = content };
            request.Headers.Add("webhook-id", id);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }
    }

    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        await Task.WhenAll(senders);
        await app.StopAsync();
        await app.DisposeAsync();
        http.Dispose();
    }
}
