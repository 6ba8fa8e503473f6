using System.Net;
using WebhookConsole.Dispatching;

namespace WebhookConsole.Tests.Dispatching;

public sealed class DestinationGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.8.9.10", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "metadata")]
    [InlineData("169.254.10.10", "link-local")]
    [InlineData("100.64.0.1", "carrier-grade")]
    [InlineData("0.0.0.0", "this network")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd00:ec2::254", "unique-local")]
    [InlineData("fc00::5", "unique-local")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::", "unspecified")]
    [InlineData("::127.0.0.1", "loopback address inside an IPv6 address")]
    [InlineData("::10.0.0.1", "private address inside an IPv6 address")]
    [InlineData("64:ff9b::7f00:1", "loopback address inside an IPv6 address")]
    [InlineData("64:ff9b::a9fe:a9fe", "cloud metadata address inside an IPv6 address")]
    [InlineData("64:ff9b:1::a00:1", "local-use NAT64")]
    [InlineData("2002:7f00:1::", "loopback address inside an IPv6 address")]
    [InlineData("2002:c0a8:101::1", "private address inside an IPv6 address")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo")]
    public void WhyRefused_NamesTheRange_WhenAddressIsInternal(string address, string expected)
    {
        var reason = DestinationGuard.WhyRefused(IPAddress.Parse(address));

        Assert.NotNull(reason);
        Assert.Contains(expected, reason);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("172.32.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    [InlineData("2001:db8::1")]
    public void WhyRefused_ReturnsNull_WhenAddressIsPublic(string address)
    {
        Assert.Null(DestinationGuard.WhyRefused(IPAddress.Parse(address)));
    }
}
