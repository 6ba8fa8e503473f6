using WebhookConsole.Api;
using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Features.Webhooks;

/// <summary>WIRECLOUD's webhook routes: PUT creates, POST replaces, PATCH edits some fields.</summary>
internal static class WebhooksApi
{
    private const string Webhooks = "/accounts/{account_id}/webhooks";
    private const string Webhook = Webhooks + "/{webhook_id}";

    public static RouteGroupBuilder MapWebhooksApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Webhooks");
        group.MapGet(Webhooks, ListAsync).WithName("ListWebhooks").WithSummary("List the account's webhooks, newest first, paged by start_key")
            .AddOpenApiOperationTransformer(ApiOperationDocumentation.Query(ListQuery.PagingParameters))
            .ProducesPage<WebhookResponse>();
        group.MapPut(Webhooks, CreateAsync).WithName("CreateWebhook").WithSummary("Create a webhook; the answer carries its secret")
            .AcceptsData<WebhookRequest>().ProducesCreated<WebhookResponse>();
        group.MapGet(Webhook, GetAsync).WithName("GetWebhook").WithSummary("Read a webhook").ProducesData<WebhookResponse>();
        group.MapPost(Webhook, (HttpContext http, string webhook_id, ApiBodyReader reader, WebhookService webhooks, CancellationToken ct) =>
                UpdateAsync(http, RouteId.Parse(webhook_id), replace: true, reader, webhooks, ct))
            .WithName("ReplaceWebhook").WithSummary("Replace a webhook: omitted optional fields return to their defaults")
            .AcceptsData<WebhookRequest>().ProducesData<WebhookResponse>();
        group.MapPatch(Webhook, (HttpContext http, string webhook_id, ApiBodyReader reader, WebhookService webhooks, CancellationToken ct) =>
                UpdateAsync(http, RouteId.Parse(webhook_id), replace: false, reader, webhooks, ct))
            .WithName("PatchWebhook").WithSummary("Change some fields of a webhook, e.g. {\"enabled\": true} to re-enable it")
            .AcceptsData<WebhookRequest>().ProducesData<WebhookResponse>();
        group.MapDelete(Webhook, DeleteAsync).WithName("DeleteWebhook").WithSummary("Delete a webhook; its delivery history stays")
            .ProducesData<WebhookResponse>();
        group.MapPost(Webhook + "/rotate_secret", RotateSecretAsync)
            .WithName("RotateWebhookSecret").WithSummary("Make a new secret; with standard signing the old one keeps signing beside it for 24 hours")
            .AcceptsNoFields().ProducesData<WebhookResponse>();
        group.MapPost(Webhook + "/test", TestAsync)
            .WithName("TestWebhook").WithSummary("Send the event type's sample now; answers the attempt, whatever the receiver said")
            .AcceptsData<WebhookTestRequest>(optional: true).ProducesData<AttemptResponse>();
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, WebhookService webhooks, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        ListQuery.RejectUnknown(http.Request.Query, ListQuery.PagingNames, errors);
        var paging = ListQuery.Paging(http.Request.Query, errors);
        if (errors.Any)
        {
            return ApiResults.Invalid(http, errors);
        }
        var page = await webhooks.PageAsync(http.Caller().AccountId, paging, cancellationToken);
        return ApiResults.Page(http, page.Items.Select(w => WebhookResponse.From(w)).ToList(), paging.PageSize, page.Next?.ToString());
    }

    private static async Task<IResult> GetAsync(HttpContext http, string webhook_id, WebhookService webhooks, CancellationToken cancellationToken) =>
        RouteId.Parse(webhook_id) is { } id && await webhooks.GetAsync(http.Caller().AccountId, id, cancellationToken) is { } webhook
            ? ApiResults.Ok(http, WebhookResponse.From(webhook))
            : ApiResults.NotFound(http, "webhook");

    private static async Task<IResult> CreateAsync(HttpContext http, ApiBodyReader reader, WebhookService webhooks, CancellationToken cancellationToken)
    {
        var body = await reader.ReadAsync(http);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var errors = new FieldErrors();
        var input = WebhookInputParser.Parse(body.Data!, errors);
        var saved = await webhooks.CreateAsync(http.Caller().AccountId, input, errors, cancellationToken);
        return saved is null
            ? ApiResults.Invalid(http, errors)
            : ApiResults.Created(http, WebhookResponse.From(saved), $"/accounts/{saved.Webhook.AccountId}/webhooks/{saved.Webhook.Id}");
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, Guid? id, bool replace, ApiBodyReader reader, WebhookService webhooks, CancellationToken cancellationToken)
    {
        var accountId = http.Caller().AccountId;
        if (id is null)
        {
            return ApiResults.NotFound(http, "webhook");
        }
        var body = await reader.ReadAsync(http);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var errors = new FieldErrors();
        var input = WebhookInputParser.Parse(body.Data!, errors);
        var saved = await webhooks.UpdateAsync(accountId, id.Value, input, replace, errors, cancellationToken);
        if (saved is not null)
        {
            // The secret is answered on create and rotate only, even when a scheme change made a new one here.
            return ApiResults.Ok(http, WebhookResponse.From(saved.Webhook));
        }
        // Another account's webhook is a 404 even when the body is also wrong: its existence is not revealed.
        return await webhooks.GetAsync(accountId, id.Value, cancellationToken) is null
            ? ApiResults.NotFound(http, "webhook")
            : ApiResults.Invalid(http, errors);
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string webhook_id, WebhookService webhooks, CancellationToken cancellationToken) =>
        RouteId.Parse(webhook_id) is { } id && await webhooks.DeleteAsync(http.Caller().AccountId, id, cancellationToken) is { } deleted
            ? ApiResults.Ok(http, WebhookResponse.From(deleted))
            : ApiResults.NotFound(http, "webhook");

    private static async Task<IResult> RotateSecretAsync(
        HttpContext http, string webhook_id, ApiBodyReader reader, WebhookService webhooks, CancellationToken cancellationToken)
    {
        if (await reader.ReadNoFieldsAsync(http) is { } problem)
        {
            return problem;
        }
        var errors = new FieldErrors();
        if (RouteId.Parse(webhook_id) is { } id && await webhooks.RotateSecretAsync(http.Caller().AccountId, id, errors, cancellationToken) is { } saved)
        {
            return ApiResults.Ok(http, WebhookResponse.From(saved));
        }
        return errors.Any ? ApiResults.Invalid(http, errors) : ApiResults.NotFound(http, "webhook");
    }

    private static async Task<IResult> TestAsync(
        HttpContext http, string webhook_id, ApiBodyReader reader, WebhookTestService tests, WebhookService webhooks, CancellationToken cancellationToken)
    {
        var accountId = http.Caller().AccountId;
        if (RouteId.Parse(webhook_id) is not { } id || await webhooks.GetAsync(accountId, id, cancellationToken) is null)
        {
            return ApiResults.NotFound(http, "webhook");
        }
        var body = await reader.ReadAsync(http, required: false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var errors = new FieldErrors();
        string? eventType = null;
        if (body.Data is { } data)
        {
            JsonFields.RejectUnknown(data, TestFields, errors);
            eventType = JsonFields.String(data, "event", errors, maxLength: 200);
        }
        var attempt = errors.Any ? null : await tests.SendAsync(accountId, id, eventType, errors, cancellationToken);
        if (attempt is not null)
        {
            return ApiResults.Ok(http, AttemptResponse.From(attempt));
        }
        return errors.Any ? ApiResults.Invalid(http, errors) : ApiResults.NotFound(http, "webhook");
    }

    private static readonly HashSet<string> TestFields = ["event"];
}
