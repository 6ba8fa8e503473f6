using WebhookConsole.Features.Tokens;

namespace WebhookConsole.Api;

internal static class HttpContextApiExtensions
{
    /// <summary>The caller that <see cref="ApiTokenFilter"/> authenticated.</summary>
    public static ApiCaller Caller(this HttpContext http) =>
        http.Items[typeof(ApiCaller)] as ApiCaller
        ?? throw new InvalidOperationException("The endpoint is not behind ApiTokenFilter.");
}
