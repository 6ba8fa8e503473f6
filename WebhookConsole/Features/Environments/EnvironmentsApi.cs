using WebhookConsole.Api;

namespace WebhookConsole.Features.Environments;

/// <summary>Environments in the WIRECLOUD verbs: PUT creates, POST replaces, PATCH edits some fields.</summary>
internal static class EnvironmentsApi
{
    private const string Environments = "/accounts/{account_id}/environments";
    private const string Environment = Environments + "/{environment_id}";

    public static RouteGroupBuilder MapEnvironmentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Environments");
        group.MapGet(Environments, ListAsync).WithName("ListEnvironments").WithSummary("List the account's environments, newest first, paged by start_key")
            .AddOpenApiOperationTransformer(ApiOperationDocumentation.Query(ListQuery.PagingParameters))
            .ProducesPage<EnvironmentResponse>();
        group.MapPut(Environments, CreateAsync).WithName("CreateEnvironment").WithSummary("Create an environment; names are unique per account")
            .AcceptsData<EnvironmentRequest>().ProducesCreated<EnvironmentResponse>().ProducesApiErrors(StatusCodes.Status409Conflict);
        group.MapGet(Environment, GetAsync).WithName("GetEnvironment").WithSummary("Read an environment").ProducesData<EnvironmentResponse>();
        group.MapPost(Environment, (HttpContext http, string environment_id, ApiBodyReader reader, EnvironmentService environments, CancellationToken ct) =>
                UpdateAsync(http, environment_id, replace: true, reader, environments, ct))
            .WithName("ReplaceEnvironment").WithSummary("Replace an environment: name, and webhooks (none when omitted)")
            .AcceptsData<EnvironmentRequest>().ProducesData<EnvironmentResponse>().ProducesApiErrors(StatusCodes.Status409Conflict);
        group.MapPatch(Environment, (HttpContext http, string environment_id, ApiBodyReader reader, EnvironmentService environments, CancellationToken ct) =>
                UpdateAsync(http, environment_id, replace: false, reader, environments, ct))
            .WithName("PatchEnvironment").WithSummary("Rename an environment or replace the set of webhooks it subscribes to")
            .AcceptsData<EnvironmentRequest>().ProducesData<EnvironmentResponse>().ProducesApiErrors(StatusCodes.Status409Conflict);
        group.MapDelete(Environment, DeleteAsync).WithName("DeleteEnvironment").WithSummary("Delete an environment and its subscriptions")
            .ProducesData<EnvironmentResponse>();
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, EnvironmentService environments, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        ListQuery.RejectUnknown(http.Request.Query, ListQuery.PagingNames, errors);
        var paging = ListQuery.Paging(http.Request.Query, errors);
        if (errors.Any)
        {
            return ApiResults.Invalid(http, errors);
        }
        var page = await environments.PageAsync(http.Caller().AccountId, paging, cancellationToken);
        return ApiResults.Page(http, page.Items.Select(EnvironmentResponse.From).ToList(), paging.PageSize, page.Next?.ToString());
    }

    private static async Task<IResult> GetAsync(HttpContext http, string environment_id, EnvironmentService environments, CancellationToken cancellationToken) =>
        RouteId.Parse(environment_id) is { } id && await environments.GetAsync(http.Caller().AccountId, id, cancellationToken) is { } environment
            ? ApiResults.Ok(http, EnvironmentResponse.From(environment))
            : ApiResults.NotFound(http, "environment");

    private static async Task<IResult> CreateAsync(HttpContext http, ApiBodyReader reader, EnvironmentService environments, CancellationToken cancellationToken)
    {
        var body = await reader.ReadAsync(http);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var errors = new FieldErrors();
        var input = EnvironmentInputParser.Parse(body.Data!, errors);
        var created = errors.Any ? null : await environments.CreateAsync(http.Caller().AccountId, input, errors, cancellationToken);
        return created is null
            ? Rejected(http, errors)
            : ApiResults.Created(http, EnvironmentResponse.From(created), $"/accounts/{created.AccountId}/environments/{created.Id}");
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, string environmentId, bool replace, ApiBodyReader reader, EnvironmentService environments, CancellationToken cancellationToken)
    {
        var accountId = http.Caller().AccountId;
        if (RouteId.Parse(environmentId) is not { } id || await environments.GetAsync(accountId, id, cancellationToken) is null)
        {
            return ApiResults.NotFound(http, "environment");
        }
        var body = await reader.ReadAsync(http);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var errors = new FieldErrors();
        var input = EnvironmentInputParser.Parse(body.Data!, errors);
        var saved = errors.Any ? null : await environments.UpdateAsync(accountId, id, input, replace, errors, cancellationToken);
        if (saved is not null)
        {
            return ApiResults.Ok(http, EnvironmentResponse.From(saved));
        }
        return errors.Any ? Rejected(http, errors) : ApiResults.NotFound(http, "environment");
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string environment_id, EnvironmentService environments, CancellationToken cancellationToken) =>
        RouteId.Parse(environment_id) is { } id && await environments.DeleteAsync(http.Caller().AccountId, id, cancellationToken) is { } deleted
            ? ApiResults.Ok(http, EnvironmentResponse.From(deleted))
            : ApiResults.NotFound(http, "environment");

    /// <summary>A duplicate name alone is a conflict (409); anything else is bad input (400).</summary>
    private static IResult Rejected(HttpContext http, FieldErrors errors) =>
        errors.Items.Count == 1 && errors.Items.TryGetValue(EnvironmentInputParser.Name, out var rules) && rules.ContainsKey("unique")
            ? ApiResults.Error(http, StatusCodes.Status409Conflict, "invalid data: " + errors.Summary(), errors)
            : ApiResults.Invalid(http, errors);
}
