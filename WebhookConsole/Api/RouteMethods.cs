using Microsoft.AspNetCore.Routing.Template;

namespace WebhookConsole.Api;

/// <summary>
/// The methods the API's routes take on a path. Routing answers 405 by itself only when nothing else matches the
/// path; the API's catch-all fallback matches every path, so the fallback asks here whether the path is a route
/// asked with the wrong method (405) or no route at all (404).
/// </summary>
internal sealed class RouteMethods(EndpointDataSource endpoints)
{
    private readonly Lazy<IReadOnlyList<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)>> routes = new(() =>
        endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Where(e => e.Methods is { Count: > 0 } && e.Endpoint.RoutePattern.RawText?.StartsWith(ApiServiceExtensions.Prefix, StringComparison.Ordinal) == true)
            .Select(e => (new TemplateMatcher(new RouteTemplate(e.Endpoint.RoutePattern), []), e.Methods!))
            .ToList());

    /// <summary>
    /// Every method some API route takes on the path, OPTIONS included (the fallback answers it), sorted; empty when
    /// no route has the path.
    /// </summary>
    public IReadOnlyList<string> For(PathString path)
    {
        var methods = routes.Value.Where(r => r.Matcher.TryMatch(path, [])).SelectMany(r => r.Methods).ToList();
        return methods.Count == 0
            ? []
            : methods.Append(HttpMethods.Options).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
    }
}
