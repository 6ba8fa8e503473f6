using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WebhookConsole.Api;

/// <summary>
/// What the OpenAPI generator cannot see in the endpoints: the <c>account_id</c> every account route has (the token
/// filter reads it, not the handler), the <c>X-Auth-Token</c> the whole API needs, and the query parameters the
/// list routes read from the query string themselves.
/// </summary>
internal static class ApiOperationDocumentation
{
    public const string TokenScheme = "ApiToken";
    private const string AccountId = "account_id";

    /// <summary>Declares <c>account_id</c> on every operation whose path has it, as OpenAPI requires of path parameters.</summary>
    public static Task DeclareAccountId(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.RelativePath?.Contains("{" + AccountId + "}", StringComparison.Ordinal) == true
            && operation.Parameters?.Any(p => p.Name == AccountId) != true)
        {
            operation.Parameters ??= [];
            operation.Parameters.Insert(0, new OpenApiParameter
            {
                Name = AccountId,
                In = ParameterLocation.Path,
                Required = true,
                Description = "The account of the token (whoami answers it); any other answers 404.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
            });
        }
        return Task.CompletedTask;
    }

    /// <summary>The <c>X-Auth-Token</c> header, required by every operation of the document.</summary>
    public static Task DeclareToken(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[TokenScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiTokenFilter.HeaderName,
            Description = "An API token of the account, made on the console's API tokens page.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(TokenScheme, document)] = [] }];
        return Task.CompletedTask;
    }

    /// <summary>An operation transformer adding query parameters, each a string with its description.</summary>
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> Query(params (string Name, string Description)[] parameters) =>
        (operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var (name, description) in parameters)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Query,
                    Description = description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
            return Task.CompletedTask;
        };
}
