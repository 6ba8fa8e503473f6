using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests;

[Collection(AppCollection.Name)]
public sealed partial class SecurityHeadersTests
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

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
        // As the policy's frame-ancestors: 'self' for pages, 'none' for API answers.
        Assert.Equal(isApi ? "DENY" : "SAMEORIGIN", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        if (isApi)
        {
            Assert.True(response.Headers.CacheControl?.NoStore, "API answers are not stored by caches");
        }
    }

    [Fact]
    public async Task ConsolePage_HasOnePolicy_RunningOnlyItsOwnScriptsAndTheNoncedImportMap()
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        using var client = app.CreateApiClient();

        var response = await client.GetAsync("/Account/Login");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var nonce = Assert.Single(ScriptNonce().Matches(policy)).Groups["nonce"].Value;
        Assert.Equal(
            $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'",
            policy);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", html);
        // A new nonce for every page, written into it as it stands in the policy (no character of it HTML-encoded).
        for (var i = 0; i < 20; i++)
        {
            var next = await client.GetAsync("/Account/Login");
            var nextPolicy = Assert.Single(next.Headers.GetValues("Content-Security-Policy"));
            var nextNonce = Assert.Single(ScriptNonce().Matches(nextPolicy)).Groups["nonce"].Value;
            Assert.NotEqual(nonce, nextNonce);
            Assert.Contains($"<script type=\"importmap\" nonce=\"{nextNonce}\">", await next.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("/api/v1/whoami")]
    [InlineData("/api/v1/nowhere")]
    [InlineData("/api/v1/event_types")]
    public async Task ApiAnswers_HaveAPolicyThatLoadsNothing(string path)
    {
        await using var app = new AppFactory();
        using var client = app.CreateApiClient();

        var response = await client.GetAsync(path);

        Assert.Equal(ApiPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Hsts_IsSent_OnHttpsRequestsOutsideDevelopment()
    {
        await using var app = new AppFactory();
        using var client = Production(app).CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://console.example.com"),
            AllowAutoRedirect = false,
        });

        var page = await client.GetAsync("/Account/Login");
        var api = await client.GetAsync("/api/v1/whoami");

        Assert.Equal("max-age=2592000", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal("max-age=2592000", Assert.Single(api.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Hsts_IsSent_WhenTheProxyInFrontSaysTheRequestCameOverHttps()
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { ["FORWARDEDHEADERS_ENABLED"] = "true" });
        using var client = Production(app).CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://console.example.com"),
            AllowAutoRedirect = false,
        });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await client.GetAsync("/Account/Login");

        Assert.Equal("max-age=2592000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Theory]
    [InlineData("Production", "http://console.example.com")]
    [InlineData("Development", "https://console.example.com")]
    public async Task Hsts_IsNotSent_OverPlainHttpOrInDevelopment(string environment, string baseAddress)
    {
        await using var app = new AppFactory();
        using var client = app.WithWebHostBuilder(b => b.UseEnvironment(environment)).CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri(baseAddress),
            AllowAutoRedirect = false,
        });
        // Without forwarded headers enabled, a client cannot claim HTTPS for itself.
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static WebApplicationFactory<Program> Production(AppFactory app) => app.WithWebHostBuilder(b => b.UseEnvironment("Production"));

    [GeneratedRegex("script-src 'self' 'nonce-(?<nonce>[A-Za-z0-9+/_-]+={0,2})'")]
    private static partial Regex ScriptNonce();
}
