using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Data;
using WebhookConsole.Features.Tokens;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Tokens;

/// <summary>The part of a token the tokens page shows must not give a short token away.</summary>
public sealed class ApiTokenPrefixTests
{
    private const string ShortToken = "short-secret";

    [Theory]
    [InlineData("wc_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg", "wc_AbCdE")]
    [InlineData(ShortToken, "sho")]
    [InlineData("abc", "")]
    public void VisiblePrefix_ShowsAtMostAQuarter_WhenTokenIsShort(string plain, string expected) =>
        Assert.Equal(expected, ApiTokenService.VisiblePrefix(plain));

    [Fact]
    public async Task BootstrapToken_ShowsAQuarterOfItself_WhenChosenShort()
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { ["Bootstrap:ApiToken"] = ShortToken });
        _ = app.Services;

        Assert.Equal("sho", await BootstrapPrefixAsync(app));
    }

    [Fact]
    public async Task BootstrapToken_PrefixIsShortened_WhenStoredByAnEarlierVersion()
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { ["Bootstrap:ApiToken"] = ShortToken });
        _ = app.Services;
        await using (var db = app.Database.CreateContext())
        {
            await db.ApiTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.Prefix, ShortToken[..8]));
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
                .EnsureBootstrapTokenAsync(await app.DefaultAccountIdAsync(), CancellationToken.None);
        }

        Assert.Equal("sho", await BootstrapPrefixAsync(app));
        await using var check = app.Database.CreateContext();
        Assert.Equal(1, await check.ApiTokens.CountAsync());
    }

    private static async Task<string> BootstrapPrefixAsync(AppFactory app)
    {
        await using var db = app.Database.CreateContext();
        return await db.ApiTokens.Where(t => t.Name == ApiTokenService.BootstrapTokenName).Select(t => t.Prefix).SingleAsync();
    }
}
