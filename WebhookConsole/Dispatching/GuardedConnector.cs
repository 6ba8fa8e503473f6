using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace WebhookConsole.Dispatching;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of the webhook client: resolves the host itself,
/// checks every address with <see cref="DestinationGuard"/> and connects only to an allowed one.
/// </summary>
internal sealed class GuardedConnector(IOptionsMonitor<DispatcherOptions> options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);

        var allowPrivate = options.CurrentValue.AllowPrivateNetworks;
        var allowed = allowPrivate ? addresses : addresses.Where(a => DestinationGuard.WhyRefused(a) is null).ToArray();
        if (allowed.Length == 0)
        {
            var reason = addresses.Length == 0 ? "no address" : DestinationGuard.WhyRefused(addresses[0]);
            throw new DestinationRefusedException(
                $"destination refused: {host} resolves to {reason}; set Dispatcher:AllowPrivateNetworks to allow it");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
