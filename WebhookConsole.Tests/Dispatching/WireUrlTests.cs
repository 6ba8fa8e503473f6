using WebhookConsole.Dispatching;

namespace WebhookConsole.Tests.Dispatching;

public sealed class WireUrlTests
{
    [Theory]
    [InlineData("https://Example.COM/hook", "https://example.com/hook")]
    [InlineData("https://example.com", "https://example.com/")]
    [InlineData("https://example.com:443/a", "https://example.com:443/a")]
    [InlineData("http://example.com:8080/a?b=1&c=x%20y", "http://example.com:8080/a?b=1&c=x%20y")]
    [InlineData("http://example.com/a b?q=ü", "http://example.com/a%20b?q=%C3%BC")]
    [InlineData("http://[::1]:5000/x", "http://[::1]:5000/x")]
    [InlineData("https://user:pw@example.com/x", "https://example.com/x")]
    [InlineData("https://example.com/x#frag", "https://example.com/x")]
    public void Canonical_GivesTheUrlAsSentOnTheWire_WhenUrlIsAbsolute(string url, string expected)
    {
        Assert.Equal(expected, WireUrl.Canonical(url));
    }

    [Theory]
    [InlineData("https://Example.COM:443/a", "example.com:443")]
    [InlineData("http://127.0.0.1:80/a?b=1", "127.0.0.1:80")]
    [InlineData("http://[::1]:80/x", "[::1]:80")]
    [InlineData("https://example.com/a", null)]
    [InlineData("http://example.com:8080/a", null)]
    [InlineData("https://example.com:/a", null)]
    public void ExplicitHostHeader_KeepsTheDefaultPort_OnlyWhenTheUriNamesIt(string url, string? expected)
    {
        Assert.Equal(expected, WireUrl.ExplicitHostHeader(new Uri(url)));
    }
}
