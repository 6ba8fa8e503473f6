using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookConsole.Tests.Support;

/// <summary>The real app served by Kestrel on 127.0.0.1 and a free port, for a browser to open.</summary>
public sealed class ServedApp : IAsyncDisposable
{
    private ServedApp(AppFactory app, string baseUrl)
    {
        App = app;
        BaseUrl = baseUrl;
    }

    public AppFactory App { get; }

    /// <summary>The root URL, without a trailing slash.</summary>
    public string BaseUrl { get; }

    public static ServedApp Start(IDictionary<string, string?>? settings = null)
    {
        var app = new AppFactory(settings);
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new ServedApp(app, address.TrimEnd('/'));
    }

    /// <summary>A client of the served API, over the loopback socket, with <paramref name="token"/> or the bootstrap token.</summary>
    public HttpClient CreateApiClient(string token = AppFactory.Token)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        return client;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
