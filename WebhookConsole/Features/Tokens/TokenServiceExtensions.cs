using WebhookConsole.Features.Bootstrap;

namespace WebhookConsole.Features.Tokens;

internal static class TokenServiceExtensions
{
    public static WebApplicationBuilder AddApiTokens(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        builder.Services.AddSingleton<ApiTokenChanges>();
        builder.Services.AddSingleton<ApiTokenService>();
        return builder;
    }
}
