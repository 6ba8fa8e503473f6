using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebhookConsole.Features.Identity;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Identity;

[Collection(AppCollection.Name)]
public sealed class SignInTests
{
    private const string WrongSignIn = "The email or password is not right, or the account is locked for 5 minutes after 5 wrong passwords.";

    [Theory]
    [InlineData("/", "%2F")]
    [InlineData("/tokens", "%2Ftokens")]
    [InlineData("/event-types", "%2Fevent-types")]
    [InlineData("/accounts", "%2Faccounts")]
    [InlineData("/admins", "%2Fadmins")]
    public async Task Page_RedirectsToSignIn_WhenNotSignedIn(string path, string returnUrl)
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        using var client = ConsoleSignIn.CreateBrowserLikeClient(app);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Account/Login?ReturnUrl={returnUrl}", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task HangfireDashboard_RedirectsToSignIn_WhenNotSignedIn()
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        using var client = ConsoleSignIn.CreateBrowserLikeClient(app);

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SignIn_OpensConsoleAndDashboard_WhenCredentialsAreRight()
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        using var client = ConsoleSignIn.CreateBrowserLikeClient(app);

        var response = await ConsoleSignIn.SignInAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(client.BaseAddress!, "/"), new Uri(client.BaseAddress!, response.Headers.Location!));
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Dashboard", await home.Content.ReadAsStringAsync());
        var jobs = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
        Assert.Contains("WebhookConsole jobs", await jobs.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignOut_EndsTheSessionOfACookieKeptFromBefore_WithinTheRecheckInterval()
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        using var client = ConsoleSignIn.CreateBrowserLikeClient(app);
        var signIn = await ConsoleSignIn.SignInAsync(client);
        var kept = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("WebhookConsole.Auth=")));
        using var copy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", kept);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/hangfire")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await ConsoleSignIn.SignOutAsync(client)).StatusCode);

        await Poll.UntilAsync(
            async () => (await copy.GetAsync("/hangfire")).StatusCode == HttpStatusCode.Redirect,
            AdminAuthenticationStateProvider.Interval * 3, "the kept cookie to be turned away after the sign-out");
        Assert.Equal(HttpStatusCode.Redirect, (await copy.GetAsync("/webhooks")).StatusCode);
    }

    [Fact]
    public async Task SignOut_IsRefusedAndEndsNoSession_WhenThePostCarriesNoAntiforgeryToken()
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        using var client = ConsoleSignIn.CreateBrowserLikeClient(app);
        await ConsoleSignIn.SignInAsync(client);
        var stampBefore = await SecurityStampAsync(app);

        // What a form on another page of the same site would post: the admin's cookie, but no token.
        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), "the sign-in cookie is left alone");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(stampBefore, await SecurityStampAsync(app));
    }

    [Theory]
    [InlineData(ConsoleSignIn.AdminEmail, "wrong-password")]
    [InlineData("nobody@example.com", ConsoleSignIn.AdminPassword)]
    public async Task SignIn_ShowsOneNeutralMessage_WhenEmailOrPasswordIsWrong(string email, string password)
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        using var client = ConsoleSignIn.CreateBrowserLikeClient(app);

        var response = await ConsoleSignIn.SignInAsync(client, email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WrongSignIn, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_LocksTheAccount_WhenPasswordIsWrongFiveTimes_SayingNoMoreThanForAnUnknownEmail()
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        using var client = ConsoleSignIn.CreateBrowserLikeClient(app);
        for (var i = 0; i < 5; i++)
        {
            await ConsoleSignIn.SignInAsync(client, password: "wrong-password");
            await ConsoleSignIn.SignInAsync(client, "nobody@example.com", "wrong-password");
        }

        var locked = await ConsoleSignIn.SignInAsync(client);
        var unknown = await ConsoleSignIn.SignInAsync(client, "nobody@example.com", "wrong-password");

        Assert.Contains(WrongSignIn, await locked.Content.ReadAsStringAsync());
        Assert.Contains(WrongSignIn, await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_ChecksAPasswordHash_ForAnUnknownEmailAndALockedAccount_AsForAWrongPassword()
    {
        var hasher = new CountingPasswordHasher();
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<AdminUser>>(hasher)));
        using var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        async Task<(int Checks, string Page)> SignInAsync(string email, string password)
        {
            var before = hasher.Verifications;
            var response = await ConsoleSignIn.SignInAsync(client, email, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (hasher.Verifications - before, await response.Content.ReadAsStringAsync());
        }

        var wrongPassword = await SignInAsync(ConsoleSignIn.AdminEmail, "wrong-password");
        var unknownEmail = await SignInAsync("nobody@example.com", "wrong-password");
        for (var i = 0; i < 4; i++)
        {
            await SignInAsync(ConsoleSignIn.AdminEmail, "wrong-password");
        }
        var locked = await SignInAsync(ConsoleSignIn.AdminEmail, ConsoleSignIn.AdminPassword);

        Assert.Equal(1, wrongPassword.Checks);
        Assert.Equal(1, unknownEmail.Checks);
        Assert.Equal(1, locked.Checks);
        Assert.All([wrongPassword.Page, unknownEmail.Page, locked.Page], page => Assert.Contains(WrongSignIn, page));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        // The right password during the lockout neither signed in nor ended the lockout early.
        await using var scope = counted.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(ConsoleSignIn.AdminEmail))!));
    }

    [Fact]
    public async Task SignIn_IgnoresReturnUrl_WhenItPointsOffSite()
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        using var client = ConsoleSignIn.CreateBrowserLikeClient(app);

        var response = await ConsoleSignIn.PostFormAsync(client, "/Account/Login?ReturnUrl=%2F%2Fevil.example.com",
            new Dictionary<string, string> { ["Input.Email"] = ConsoleSignIn.AdminEmail, ["Input.Password"] = ConsoleSignIn.AdminPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(client.BaseAddress!, "/"), new Uri(client.BaseAddress!, response.Headers.Location!));
    }

    [Theory]
    [InlineData("%2F%E3%80%82x", "/%E3%80%82x")]
    [InlineData("%2Fdeliveries%3Fevent%3DCall%3AHangup%26x%3D%01%20y", "/deliveries?event=Call:Hangup&x=%01%20y")]
    [InlineData("%2F%5Cevil.example.com", "/")]
    public async Task SignIn_GoesToTheReturnUrlEncoded_WhenItHoldsWhatAHeaderCannotCarry(string returnUrl, string location)
    {
        // Served by Kestrel, which refuses to send a header it cannot encode (the in-memory test server sends anything).
        await using var app = ServedApp.Start(ConsoleSignIn.BootstrapAdmin);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };

        var response = await ConsoleSignIn.PostFormAsync(client, "/Account/Login?ReturnUrl=" + returnUrl,
            new Dictionary<string, string> { ["Input.Email"] = ConsoleSignIn.AdminEmail, ["Input.Password"] = ConsoleSignIn.AdminPassword });

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        Assert.Equal(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + location, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Setup_CreatesFirstAdminAndSignsIn_WhenNoAdminExists()
    {
        await using var app = new AppFactory();
        using var client = ConsoleSignIn.CreateBrowserLikeClient(app);
        Assert.Contains("Create the first admin", await client.GetStringAsync("/Account/Login"));

        var response = await ConsoleSignIn.PostFormAsync(client, "/Account/Setup", new Dictionary<string, string>
        {
            ["Input.Email"] = "first@example.com",
            ["Input.Password"] = "First!Adm1n",
            ["Input.ConfirmPassword"] = "First!Adm1n",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        using var other = ConsoleSignIn.CreateBrowserLikeClient(app);
        Assert.Contains("An admin already exists", await other.GetStringAsync("/Account/Setup"));
    }

    [Fact]
    public async Task Setup_ShowsPasswordRules_WhenPasswordIsWeak()
    {
        await using var app = new AppFactory();
        using var client = ConsoleSignIn.CreateBrowserLikeClient(app);

        var response = await ConsoleSignIn.PostFormAsync(client, "/Account/Setup", new Dictionary<string, string>
        {
            ["Input.Email"] = "first@example.com",
            ["Input.Password"] = "password",
            ["Input.ConfirmPassword"] = "password",
        });

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Passwords must have at least one digit", page);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Setup_SaysIdentitysPasswordRulesAndLeavesTheLengthToThem_WhenAPasswordIsTooShort()
    {
        await using var app = new AppFactory();
        using var client = ConsoleSignIn.CreateBrowserLikeClient(app);
        var rules = PasswordRules.Describe(app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Password);

        var form = await client.GetStringAsync("/Account/Setup");
        var response = await ConsoleSignIn.PostFormAsync(client, "/Account/Setup", new Dictionary<string, string>
        {
            ["Input.Email"] = "first@example.com",
            ["Input.Password"] = "Sh0rt!",
            ["Input.ConfirmPassword"] = "Sh0rt!",
        });

        Assert.Contains(rules, form);
        var page = await response.Content.ReadAsStringAsync();
        // Identity's own message, the only length rule: the form's model no longer holds a copy of it.
        Assert.Contains("Passwords must be at least 8 characters", page);
        Assert.DoesNotContain("Use at least 8 characters", page);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    private static async Task<string?> SecurityStampAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        return (await users.FindByEmailAsync(ConsoleSignIn.AdminEmail))!.SecurityStamp;
    }
}
