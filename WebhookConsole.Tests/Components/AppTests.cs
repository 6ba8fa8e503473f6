using System.Net;
using System.Text.RegularExpressions;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components;

[Collection(AppCollection.Name)]
public sealed partial class AppTests
{
    [Theory]
    [InlineData("/Account/Login", true, "Sign in · WebhookConsole")]
    [InlineData("/Account/Setup", false, "First admin · WebhookConsole")]
    public async Task StaticPage_IsTitledByItsOwnPageTitle_WhenRenderedWithoutACircuit(string path, bool withAdmin, string title)
    {
        await using var app = new AppFactory(withAdmin ? ConsoleSignIn.BootstrapAdmin : null);
        using var client = ConsoleSignIn.CreateBrowserLikeClient(app);

        var html = await client.GetStringAsync(path);

        // The browser shows the first <title> of the document.
        Assert.Equal(title, WebUtility.HtmlDecode(Title().Match(html).Groups["text"].Value));
    }

    [Fact]
    public async Task Favicon_IsServedToAnyone_AsIcoAndAsTheSvgThePagesLink()
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        using var client = ConsoleSignIn.CreateBrowserLikeClient(app);

        var ico = await client.GetAsync("/favicon.ico");
        var html = await client.GetStringAsync("/Account/Login");
        var svgHref = SvgIcon().Match(html).Groups["href"].Value;
        var svg = await client.GetAsync("/" + svgHref.TrimStart('/'));

        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal([0, 0, 1, 0], (await ico.Content.ReadAsByteArrayAsync())[..4]);
        Assert.NotEqual("", svgHref);
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", (await svg.Content.ReadAsStringAsync()).TrimStart());
    }

    [GeneratedRegex(@"<title>(?<text>[^<]*)</title>")]
    private static partial Regex Title();

    [GeneratedRegex(@"<link rel=""icon"" href=""(?<href>[^""]+\.svg)""")]
    private static partial Regex SvgIcon();
}
