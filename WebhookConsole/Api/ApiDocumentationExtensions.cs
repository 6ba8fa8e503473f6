using Scalar.AspNetCore;

namespace WebhookConsole.Api;

/// <summary>The OpenAPI document generated from the endpoints, and an interactive reference page over it.</summary>
internal static class ApiDocumentationExtensions
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/api-reference";

    public static WebApplicationBuilder AddApiDocumentation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "WebhookConsole API";
            document.Info.Description = "WIRECLOUD-shaped REST API: request bodies are {\"data\": {...}}; every route under /api/v1 "
                + "needs the header X-Auth-Token.";
            return Task.CompletedTask;
        })
            .AddDocumentTransformer(ApiOperationDocumentation.DeclareToken)
            .AddDocumentTransformer(ApiMethodConventions.LeaveOutHead)
            .AddOperationTransformer(ApiOperationDocumentation.DeclareAccountId)
            .AddSchemaTransformer(ApiSchemaDocumentation.Describe));
        return builder;
    }

    /// <summary>Mapped outside the API group, so neither needs a token.</summary>
    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath);
        // Its inline scripts carry the request's nonce, as the Content-Security-Policy asks; it loads nothing from
        // elsewhere (no fonts from a CDN, no telemetry), which the policy would refuse.
        app.MapScalarApiReference(ReferencePath, (o, http) => o.WithTitle("WebhookConsole API").WithOpenApiRoutePattern(DocumentPath)
            .WithNonce(http.Nonce()).DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp());
        return app;
    }
}
