using System.Net;
using System.Net.Sockets;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Refuses destinations inside the host's own networks (loopback, private, link-local, cloud metadata),
/// judged on the address actually connected to, so a DNS name pointing inwards does not pass.
/// </summary>
internal static class DestinationGuard
{
    /// <summary>Why the address is refused, or null when it is a public address.</summary>
    public static string? WhyRefused(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return "a loopback address";
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b switch
            {
                [0, ..] => "a 'this network' address",
                [10, ..] => "a private address",
                [172, >= 16 and <= 31, ..] => "a private address",
                [192, 168, ..] => "a private address",
                [169, 254, 169, 254] => "a cloud metadata address",
                [169, 254, ..] => "a link-local address",
                [100, >= 64 and <= 127, ..] => "a shared (carrier-grade NAT) address",
                [192, 0, 0, ..] => "a reserved address",
                [198, 18 or 19, ..] => "a benchmarking address",
                [>= 224, ..] => "a multicast or reserved address",
                _ => null,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any))
            {
                return "an unspecified address";
            }
            if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
            {
                return "a link-local address";
            }
            if (address.IsIPv6Multicast)
            {
                return "a multicast address";
            }
            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);
            if ((b[0] & 0xFE) == 0xFC)
            {
                // fc00::/7, which also holds AWS's fd00:ec2::254 metadata address.
                return "a unique-local (private) address";
            }
            return null;
        }

        return "an address of an unknown family";
    }
}
