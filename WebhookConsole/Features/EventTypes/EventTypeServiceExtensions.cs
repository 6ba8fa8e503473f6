namespace WebhookConsole.Features.EventTypes;

internal static class EventTypeServiceExtensions
{
    public static WebApplicationBuilder AddEventTypes(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EventTypeCatalog>();
        builder.Services.AddSingleton<EventTypeEditor>();
        return builder;
    }
}
