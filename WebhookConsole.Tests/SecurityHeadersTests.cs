using System.Net;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests;

[Collection(AppCollection.Name)]
public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/Account/Login", false)]
    [InlineData("/hangfire", false)]
    [InlineData("/api-reference/", false)]
    [InlineData("/api/v1/whoami", true)]
    [InlineData("/api/v1/nowhere", true)]
    public async Task Responses_CarryTheSecurityHeaders_ApiAnswersUncached(string path, bool isApi)
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        using var client = app.CreateApiClient();

        var response = await client.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("SAMEORIGIN", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        if (isApi)
        {
            Assert.True(response.Headers.CacheControl?.NoStore, "API answers are not stored by caches");
        }
    }
}
