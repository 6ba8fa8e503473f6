using WebhookConsole.Api;

namespace WebhookConsole.Features.EventTypes;

internal static class EventTypesApi
{
    public static RouteGroupBuilder MapEventTypesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/event_types", async (HttpContext http, EventTypeCatalog catalog, CancellationToken cancellationToken) =>
            {
                var types = await catalog.ListAsync(cancellationToken);
                return ApiResults.Ok(http, types.Select(EventTypeResponse.From).ToList());
            })
            .WithTags("Event types")
            .WithName("ListEventTypes")
            .WithSummary("The event catalogue: name, description and a sample payload of each type")
            .ProducesData<List<EventTypeResponse>>();
        return api;
    }
}
