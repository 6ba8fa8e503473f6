namespace WebhookConsole.Features.Events;

internal static class EventServiceExtensions
{
    public static WebApplicationBuilder AddEvents(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IngestRouteCache>();
        builder.Services.AddSingleton<EventIngestService>();
        return builder;
    }
}
