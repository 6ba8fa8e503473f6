using Microsoft.OpenApi;

namespace WebhookConsole.Api;

/// <summary>
/// The bodies and answers of the API's routes, for the OpenAPI document: the handlers answer <see cref="IResult"/>,
/// whose shape the generator cannot see. Every answer is in the envelope of <see cref="ApiResults"/>.
/// </summary>
internal static class ApiRouteDocumentation
{
    private const string Json = "application/json";

    /// <summary>
    /// The route takes <c>{"data": T}</c>; a body that is malformed, too large or not JSON answers 400, 413 or 415.
    /// Declared on the operation only: accepts metadata would also make routing turn away other media types before the
    /// handler answers them in the error shape.
    /// </summary>
    public static RouteHandlerBuilder AcceptsData<T>(this RouteHandlerBuilder builder, bool optional = false) where T : notnull =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var data = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = !optional,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [Json] = new()
                        {
                            Schema = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Required = new HashSet<string> { "data" },
                                Properties = new Dictionary<string, IOpenApiSchema> { ["data"] = Component(context.Document, typeof(T).Name, data) },
                            },
                        },
                    },
                };
            })
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

    /// <summary>
    /// The route takes no fields: no body or <c>{"data": {}}</c>. Any other body is read as on every route, so it may
    /// answer 400, 413 or 415.
    /// </summary>
    public static RouteHandlerBuilder AcceptsNoFields(this RouteHandlerBuilder builder) =>
        builder.ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

    /// <summary>The route answers <c>{"data": T, "status": "success", "request_id": ...}</c> with <paramref name="statusCode"/>.</summary>
    public static RouteHandlerBuilder ProducesData<T>(this RouteHandlerBuilder builder, int statusCode = StatusCodes.Status200OK) =>
        builder.Produces<ApiEnvelope<T>>(statusCode, Json);

    /// <summary>The route answers 201 with the new object in the envelope, and its address in <c>Location</c>.</summary>
    public static RouteHandlerBuilder ProducesCreated<T>(this RouteHandlerBuilder builder) =>
        builder.ProducesData<T>(StatusCodes.Status201Created).AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue("201", out var created) == true && created is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["Location"] = new OpenApiHeader
                {
                    Description = "The path of the new object, to read it with GET",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
            return Task.CompletedTask;
        });

    /// <summary>The route answers a page of T with <c>next_start_key</c>; a bad query parameter answers 400.</summary>
    public static RouteHandlerBuilder ProducesPage<T>(this RouteHandlerBuilder builder) =>
        builder.Produces<ApiPageEnvelope<T>>(StatusCodes.Status200OK, Json).ProducesApiErrors(StatusCodes.Status400BadRequest);

    /// <summary>The route may answer these statuses in the error shape.</summary>
    public static RouteHandlerBuilder ProducesApiErrors(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var statusCode in statusCodes)
        {
            builder.Produces<ApiErrorResponse>(statusCode, Json);
        }
        return builder;
    }

    /// <summary>
    /// What every route of the group may answer in the error shape: 401 without a valid token, 500 when something
    /// unexpected fails, and 404 on an account route (another account's path or object, or an unknown id).
    /// </summary>
    public static RouteGroupBuilder ProducesCommonApiErrors(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            endpoint.Metadata.Add(Error(StatusCodes.Status401Unauthorized));
            endpoint.Metadata.Add(Error(StatusCodes.Status500InternalServerError));
            if (endpoint is RouteEndpointBuilder { RoutePattern: var pattern } && pattern.Parameters.Any(p => p.Name == "account_id"))
            {
                endpoint.Metadata.Add(Error(StatusCodes.Status404NotFound));
            }
        });
        return group;
    }

    /// <summary>The schema as a named component of the document, so that a generated client names its type.</summary>
    private static IOpenApiSchema Component(OpenApiDocument? document, string name, OpenApiSchema schema)
    {
        if (document is null)
        {
            return schema;
        }
        document.AddComponent(name, schema);
        return new OpenApiSchemaReference(name, document);
    }

    private static ProducesResponseTypeMetadata Error(int statusCode) => new(statusCode, typeof(ApiErrorResponse), [Json]);
}
