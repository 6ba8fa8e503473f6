using WebhookConsole.Features.Bootstrap;
using WebhookConsole.Hosting;

namespace WebhookConsole.Features.Tokens;

internal static class TokenServiceExtensions
{
    public static WebApplicationBuilder AddApiTokens(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<BootstrapOptions>(BootstrapOptions.Section);
        builder.Services.AddSingleton<ApiTokenChanges>();
        builder.Services.AddSingleton<ApiTokenService>();
        return builder;
    }
}
