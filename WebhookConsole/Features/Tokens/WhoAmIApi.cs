using WebhookConsole.Api;

namespace WebhookConsole.Features.Tokens;

internal static class WhoAmIApi
{
    public static RouteGroupBuilder MapWhoAmIApi(this RouteGroupBuilder api)
    {
        api.MapGet("/whoami", (HttpContext http) =>
            {
                var caller = http.Caller();
                return ApiResults.Ok(http, new WhoAmIResponse(caller.AccountId, caller.AccountName, caller.TokenName));
            })
            .WithName("WhoAmI")
            .WithSummary("The account and token behind the X-Auth-Token")
            .ProducesData<WhoAmIResponse>();
        return api;
    }
}
