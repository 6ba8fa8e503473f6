using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WebhookConsole.Api;

/// <summary>
/// HEAD and OPTIONS on the API's routes, as HTTP has them (RFC 9110, 9.3.2 and 9.3.7): HEAD answers as GET does,
/// without the body, so a script can check that an object exists; OPTIONS answers 204 with the methods in Allow.
/// </summary>
internal static class ApiMethodConventions
{
    /// <summary>Every route of the group that takes GET takes HEAD too; the server sends no body for a HEAD.</summary>
    public static RouteGroupBuilder AnswerHeadAsGet(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { } methods
                && methods.HttpMethods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase)
                && !methods.HttpMethods.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                // Routing reads the last method metadata of an endpoint.
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        return group;
    }

    /// <summary>The answer to OPTIONS on a route that takes <paramref name="allowed"/>.</summary>
    public static IResult Options(HttpContext http, string allowed)
    {
        http.Response.Headers.Allow = allowed;
        return TypedResults.NoContent();
    }

    /// <summary>
    /// HEAD operations left out of the OpenAPI document: each is its GET without the body, and listing it would repeat
    /// the GET's operationId, which must be unique.
    /// </summary>
    public static Task LeaveOutHead(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var path in document.Paths.Values.OfType<OpenApiPathItem>())
        {
            path.Operations?.Remove(HttpMethod.Head);
        }
        return Task.CompletedTask;
    }
}
