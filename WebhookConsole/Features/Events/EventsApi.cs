using WebhookConsole.Api;

namespace WebhookConsole.Features.Events;

internal static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/accounts/{account_id}/events", IngestAsync)
            .WithName("IngestEvent")
            .WithSummary("Accept a call event; answers 202 once it and its deliveries are committed")
            .AcceptsData<IngestEventRequest>()
            .ProducesData<IngestResponse>(StatusCodes.Status202Accepted)
            // An id already seen for the account: the first result, and no new deliveries, whatever the rest of the body.
            .ProducesData<IngestResponse>();
        return api;
    }

    private static async Task<IResult> IngestAsync(
        HttpContext http,
        ApiBodyReader reader,
        EventIngestService ingest,
        CancellationToken cancellationToken)
    {
        var body = await reader.ReadAsync(http);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var errors = new FieldErrors();
        var request = IngestRequestParser.Parse(body.Data!, errors);
        if (request is null)
        {
            // Looked up only now: a valid body never pays for it, and one without an id never does.
            if (IngestRequestParser.IdOfRefused(body.Data!, errors) is { } id
                && await ingest.FindRepeatAsync(http.Caller().AccountId, id, cancellationToken) is { } repeat)
            {
                return ApiResults.Ok(http, new IngestResponse(repeat.EventId, repeat.DeliveryIds), StatusCodes.Status200OK);
            }
            return ApiResults.Invalid(http, errors);
        }

        var result = await ingest.IngestAsync(http.Caller().AccountId, request, errors, cancellationToken);
        if (result is null)
        {
            return ApiResults.Invalid(http, errors);
        }
        var status = result.Duplicate ? StatusCodes.Status200OK : StatusCodes.Status202Accepted;
        return ApiResults.Ok(http, new IngestResponse(result.EventId, result.DeliveryIds), status);
    }
}
