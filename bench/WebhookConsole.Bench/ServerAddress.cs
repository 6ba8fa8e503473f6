using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace WebhookConsole.Bench;

internal static class ServerAddress
{
    /// <summary>The base URL a started Kestrel listens on (the port was chosen by the OS).</summary>
    public static string Of(IServiceProvider services) =>
        services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
}
