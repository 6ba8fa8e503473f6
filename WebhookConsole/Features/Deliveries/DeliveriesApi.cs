using WebhookConsole.Api;

namespace WebhookConsole.Features.Deliveries;

/// <summary>The delivery history, replays, and the attempts of webhooks.</summary>
internal static class DeliveriesApi
{
    private static readonly (string, string)[] Filters =
    [
        ("status", "pending, retrying, succeeded or failed"),
        ("webhook_id", "deliveries to this webhook"),
        ("event", "deliveries of this event type"),
        ("since", "deliveries created at or after this ISO 8601 time, e.g. 2024-07-30T14:35:00Z (UTC when it has no Z or offset)"),
        ("until", "deliveries created at or before this ISO 8601 time (UTC when it has no Z or offset)"),
        ("test", "true: only test sends (made by POST .../webhooks/{webhook_id}/test, and their replays); false: no test sends"),
    ];

    public static RouteGroupBuilder MapDeliveriesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/accounts/{account_id}").WithTags("Deliveries");
        group.MapGet("/deliveries", ListAsync)
            .WithName("ListDeliveries").WithSummary("Delivery history, newest first, filtered and paged by start_key")
            .AddOpenApiOperationTransformer(ApiOperationDocumentation.Query([.. Filters, .. ListQuery.PagingParameters]))
            .ProducesPage<DeliveryResponse>();
        group.MapPost("/deliveries/replay", ReplayManyAsync)
            .WithName("ReplayDeliveries").WithSummary("Replay every delivery matching the filters (status defaults to failed)")
            .AddOpenApiOperationTransformer(ApiOperationDocumentation.Query(Filters))
            .AcceptsNoFields().ProducesData<ReplayManyResponse>();
        group.MapPost("/deliveries/{delivery_id}/replay", ReplayAsync)
            .WithName("ReplayDelivery").WithSummary("Replay one delivery: a new delivery of the same event to the same webhook")
            .ProducesData<DeliveryResponse>(StatusCodes.Status201Created)
            .AcceptsNoFields().ProducesApiErrors(StatusCodes.Status409Conflict);
        group.MapGet("/webhooks/attempts", (HttpContext http, DeliveryQueryService queries, CancellationToken ct) =>
                AttemptsAsync(http, null, queries, ct))
            .WithName("ListAttempts").WithSummary("Recent attempts of all webhooks, newest first")
            .AddOpenApiOperationTransformer(ApiOperationDocumentation.Query(ListQuery.PagingParameters))
            .ProducesPage<AttemptResponse>();
        group.MapGet("/webhooks/{webhook_id}/attempts", (HttpContext http, string webhook_id, DeliveryQueryService queries, CancellationToken ct) =>
                AttemptsAsync(http, webhook_id, queries, ct))
            .WithName("ListWebhookAttempts").WithSummary("Recent attempts of one webhook, newest first")
            .AddOpenApiOperationTransformer(ApiOperationDocumentation.Query(ListQuery.PagingParameters))
            .ProducesPage<AttemptResponse>();
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, DeliveryQueryService queries, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        ListQuery.RejectUnknown(http.Request.Query, [.. DeliveryQueryParser.FilterNames, .. ListQuery.PagingNames], errors);
        var filter = DeliveryQueryParser.Filter(http.Request.Query, errors);
        var paging = ListQuery.Paging(http.Request.Query, errors);
        if (errors.Any)
        {
            return ApiResults.Invalid(http, errors);
        }
        var page = await queries.ListAsync(http.Caller().AccountId, filter, paging, cancellationToken);
        return ApiResults.Page(http, page.Items.Select(DeliveryResponse.From).ToList(), paging.PageSize, page.Next?.ToString());
    }

    private static async Task<IResult> ReplayAsync(
        HttpContext http, string delivery_id, ApiBodyReader reader, ReplayService replays, CancellationToken cancellationToken)
    {
        if (await reader.ReadNoFieldsAsync(http) is { } problem)
        {
            return problem;
        }
        var errors = new FieldErrors();
        if (RouteId.Parse(delivery_id) is { } id && await replays.ReplayAsync(http.Caller().AccountId, id, errors, cancellationToken) is { } replay)
        {
            return ApiResults.Ok(http, DeliveryResponse.From(replay), StatusCodes.Status201Created);
        }
        return errors.Any
            ? ApiResults.Error(http, StatusCodes.Status409Conflict, "the delivery cannot be replayed: " + errors.Summary(), errors)
            : ApiResults.NotFound(http, "delivery");
    }

    private static async Task<IResult> ReplayManyAsync(HttpContext http, ApiBodyReader reader, ReplayService replays, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        ListQuery.RejectUnknown(http.Request.Query, DeliveryQueryParser.FilterNames, errors);
        var filter = DeliveryQueryParser.Filter(http.Request.Query, errors);
        if (errors.Any)
        {
            return ApiResults.Invalid(http, errors);
        }
        // The filters are in the query: a body that would seem to narrow them is refused, not ignored.
        if (await reader.ReadNoFieldsAsync(http) is { } problem)
        {
            return problem;
        }
        // Bulk replay is for what failed, unless the caller names another status.
        filter = filter with { Status = filter.Status ?? DeliveryStatus.Failed };
        var count = await replays.ReplayManyAsync(http.Caller().AccountId, filter, cancellationToken);
        return ApiResults.Ok(http, new ReplayManyResponse(count));
    }

    private static async Task<IResult> AttemptsAsync(HttpContext http, string? webhookText, DeliveryQueryService queries, CancellationToken cancellationToken)
    {
        Guid? webhookId = null;
        if (webhookText is not null)
        {
            webhookId = RouteId.Parse(webhookText);
            if (webhookId is null || !await queries.WebhookExistsAsync(http.Caller().AccountId, webhookId.Value, cancellationToken))
            {
                return ApiResults.NotFound(http, "webhook");
            }
        }
        var errors = new FieldErrors();
        ListQuery.RejectUnknown(http.Request.Query, ListQuery.PagingNames, errors);
        var paging = ListQuery.Paging(http.Request.Query, errors);
        if (errors.Any)
        {
            return ApiResults.Invalid(http, errors);
        }
        var page = await queries.AttemptsAsync(http.Caller().AccountId, webhookId, paging, cancellationToken);
        return ApiResults.Page(http, page.Items.Select(AttemptResponse.From).ToList(), paging.PageSize, page.Next?.ToString());
    }
}
