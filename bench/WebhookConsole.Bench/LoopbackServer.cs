using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace WebhookConsole.Bench;

/// <summary>The bench's own servers (receiver, relay): Kestrel on loopback, on a port the OS picks, without logs.</summary>
internal static class LoopbackServer
{
    public static WebApplication Create()
    {
        // No watch of the settings files: the host's would cover the working directory and all below it.
        var builder = WebApplication.CreateSlimBuilder(SettingsWatchExtensions.WithoutSettingsWatch([]));
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        return builder.Build();
    }

    /// <summary>Serves every request with <paramref name="handler"/>; returns the base URL.</summary>
    public static async Task<string> StartAsync(WebApplication app, RequestDelegate handler)
    {
        app.Run(handler);
        await app.StartAsync();
        return ServerAddress.Of(app.Services);
    }
}
