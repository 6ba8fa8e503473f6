using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebhookConsole.Tests.Support;

/// <summary>
/// A real HTTP receiver: Kestrel on 127.0.0.1 and a free port. It records every request and answers per
/// path with a programmable responder (by default 200).
/// </summary>
public sealed class TestReceiver : IAsyncDisposable
{
    private WebApplication? app;
    private readonly ConcurrentQueue<ReceivedRequest> requests = new();
    private readonly ConcurrentDictionary<string, Func<ReceivedRequest, int, ReceiverResponse>> responders = new();
    private readonly ConcurrentDictionary<string, Func<HttpContext, int, Task>> writers = new();
    private readonly ConcurrentDictionary<string, int> counts = new();
    private readonly SemaphoreSlim arrived = new(0);

    private TestReceiver()
    {
    }

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<ReceivedRequest> Requests => requests.ToArray();

    public static async Task<TestReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var receiver = new TestReceiver { app = builder.Build() };
        receiver.app.Run(receiver.HandleAsync);
        await receiver.app.StartAsync();
        var address = receiver.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.BaseUrl = address.TrimEnd('/');
        return receiver;
    }

    public string Url(string path) => BaseUrl + path;

    /// <summary>Answers requests to <paramref name="path"/> with <paramref name="responder"/>(request, 1-based count on that path).</summary>
    public void Respond(string path, Func<ReceivedRequest, int, ReceiverResponse> responder) => responders[path] = responder;

    /// <summary>
    /// Answers requests to <paramref name="path"/> by <paramref name="write"/>(context, 1-based count on that path), which
    /// writes the response itself: a receiver that stalls, trickles, breaks off or sends bytes of its own choosing.
    /// </summary>
    public void RespondWith(string path, Func<HttpContext, int, Task> write) => writers[path] = write;

    public IReadOnlyList<ReceivedRequest> At(string path) => requests.Where(r => r.Path == path).ToList();

    /// <summary>Waits until <paramref name="condition"/> holds over the received requests, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> WaitForAsync(Func<IReadOnlyList<ReceivedRequest>, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var snapshot = Requests;
            if (condition(snapshot))
            {
                return snapshot;
            }
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}; received {snapshot.Count} requests.");
            }
            // Woken by the next arrival; the short cap re-checks conditions that depend on time.
            await arrived.WaitAsync(left < TimeSpan.FromMilliseconds(250) ? left : TimeSpan.FromMilliseconds(250));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var received = new ReceivedRequest(
            request.Method,
            request.Path.Value ?? "/",
            request.QueryString.Value ?? "",
            // As on the wire: the path is not decoded (a signed URL's %2F stays %2F).
            $"{request.Scheme}://{request.Host}{context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget}",
            headers,
            body,
            DateTimeOffset.UtcNow);
        var count = counts.AddOrUpdate(received.Path, 1, (_, c) => c + 1);
        if (writers.TryGetValue(received.Path, out var write))
        {
            requests.Enqueue(received);
            arrived.Release();
            await write(context, count);
            return;
        }
        var response = responders.TryGetValue(received.Path, out var responder) ? responder(received, count) : ReceiverResponse.Ok;
        requests.Enqueue(received);
        arrived.Release();

        if (response.Delay > TimeSpan.Zero)
        {
            await Task.Delay(response.Delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        await context.Response.WriteAsync(response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        arrived.Dispose();
    }
}
