using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WebhookConsole.Features.Webhooks;

internal static class WebhookServiceExtensions
{
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WebhookSetupChanges>();
        builder.Services.AddSingleton<IInterceptor, WebhookSetupInterceptor>();
        builder.Services.AddSingleton<WebhookValidator>();
        builder.Services.AddSingleton<WebhookApplier>();
        builder.Services.AddSingleton<WebhookService>();
        builder.Services.AddSingleton<WebhookTestService>();
        builder.Services.AddSingleton<WebhookEditor>();
        builder.Services.AddSingleton<WebhookPreview>();
        return builder;
    }
}
