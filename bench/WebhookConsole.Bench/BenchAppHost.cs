using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WebhookConsole.Bench;

/// <summary>
/// The real app, in this process, served by Kestrel on loopback with its shipped settings, except for what a
/// benchmark needs: its own SQLite file, an API token, and loopback destinations allowed (the receiver is there).
/// </summary>
internal sealed class BenchAppHost : WebApplicationFactory<Program>
{
    public const string Token = "wc_bench_token_0123456789abcdefghijklmnopqrstuvwxyz";

    private readonly string databasePath;

    private BenchAppHost(string databasePath)
    {
        this.databasePath = databasePath;
    }

    public string BaseUrl { get; private set; } = "";

    public string ConnectionString => $"Data Source={databasePath}";

    public static BenchAppHost Start(string databasePath)
    {
        var host = new BenchAppHost(databasePath);
        host.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        host.BaseUrl = ServerAddress.Of(host.Services);
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Bootstrap:ApiToken", Token);
        builder.UseSetting("Dispatcher:AllowPrivateNetworks", "true");
        // The retry scenario's deliveries wait one second for their retry, not the shipped five.
        builder.UseSetting("Dispatcher:RetryDelays:0", "1");
        // Keeps the app's start-up lines out of the report. Nothing changes on the measured paths: with the shipped
        // settings they log nothing below Warning either (request logs are at Warning there already).
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
