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
            if (b is [0x20, 0x01, 0, 0, ..])
            {
                // Teredo (2001::/32) tunnels to an IPv4 host hidden in the address; no webhook needs one.
                return "a Teredo tunnel address";
            }
            if (b is [0, 0x64, 0xFF, 0x9B, 0, 1, ..])
            {
                return "a local-use NAT64 address";
            }
            if (EmbeddedIPv4(b) is { } inner && WhyRefused(inner) is { } why)
            {
                return why + " inside an IPv6 address";
            }
            return null;
        }

        return "an address of an unknown family";
    }

    /// <summary>
    /// The IPv4 address an IPv6 address carries to a gateway that forwards it there: IPv4-compatible (<c>::a.b.c.d</c>),
    /// NAT64 (<c>64:ff9b::/96</c>) or 6to4 (<c>2002::/16</c>); on a host with such a route it reaches that IPv4 address.
    /// </summary>
    private static IPAddress? EmbeddedIPv4(ReadOnlySpan<byte> b) =>
        b[..12].IndexOfAnyExcept((byte)0) < 0 ? new IPAddress(b[12..])
        : b is [0, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0, ..] ? new IPAddress(b[12..])
        : b is [0x20, 0x02, ..] ? new IPAddress(b[2..6])
        : null;
}
