using WebhookConsole.Features.Tokens;

namespace WebhookConsole.Api;

/// <summary>
/// Authenticates <c>X-Auth-Token</c> and scopes the call to the token's account: a route naming another
/// account answers 404, as if it did not exist.
/// </summary>
internal sealed class ApiTokenFilter(ApiTokenService tokens) : IEndpointFilter
{
    public const string HeaderName = "X-Auth-Token";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = await tokens.AuthenticateAsync(http.Request.Headers[HeaderName].ToString(), http.RequestAborted);
        if (caller is null)
        {
            return ApiResults.Error(http, StatusCodes.Status401Unauthorized, "missing or invalid X-Auth-Token");
        }

        if (http.Request.RouteValues.TryGetValue("account_id", out var routeAccount)
            && !(Guid.TryParse(routeAccount as string, out var accountId) && accountId == caller.AccountId))
        {
            return ApiResults.NotFound(http, "account");
        }

        http.Items[typeof(ApiCaller)] = caller;
        return await next(context);
    }
}
