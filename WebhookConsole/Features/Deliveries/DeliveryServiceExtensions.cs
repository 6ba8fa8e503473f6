namespace WebhookConsole.Features.Deliveries;

internal static class DeliveryServiceExtensions
{
    public static WebApplicationBuilder AddDeliveries(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DeliveryQueryService>();
        builder.Services.AddSingleton<ReplayService>();
        builder.Services.AddSingleton<DeliveryChanges>();
        return builder;
    }
}
