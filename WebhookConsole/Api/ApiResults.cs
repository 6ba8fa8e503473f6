using Microsoft.AspNetCore.Http.HttpResults;

namespace WebhookConsole.Api;

/// <summary>Builds every API answer, so the envelope and the error shape are written in one place.</summary>
internal static class ApiResults
{
    public static JsonHttpResult<ApiEnvelope<T>> Ok<T>(HttpContext http, T data, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Json(new ApiEnvelope<T>(data, http.TraceIdentifier), statusCode: statusCode);

    /// <summary>
    /// 201 with the new object, and its address in <c>Location</c> (RFC 9110, 15.3.2): <paramref name="path"/> below the
    /// API's root, e.g. <c>/accounts/{account_id}/webhooks/{webhook_id}</c>.
    /// </summary>
    public static JsonHttpResult<ApiEnvelope<T>> Created<T>(HttpContext http, T data, string path)
    {
        http.Response.Headers.Location = $"{http.Request.PathBase}{ApiServiceExtensions.Prefix}{path}";
        return Ok(http, data, StatusCodes.Status201Created);
    }

    public static JsonHttpResult<ApiPageEnvelope<T>> Page<T>(HttpContext http, IReadOnlyList<T> items, int pageSize, string? nextStartKey) =>
        TypedResults.Json(new ApiPageEnvelope<T>(items, pageSize, nextStartKey, http.TraceIdentifier));

    public static JsonHttpResult<ApiErrorResponse> Error(HttpContext http, int statusCode, string message, FieldErrors? fields = null) =>
        TypedResults.Json(
            new ApiErrorResponse(statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), message,
                fields?.Items ?? new Dictionary<string, Dictionary<string, string>>(), http.TraceIdentifier),
            statusCode: statusCode);

    public static JsonHttpResult<ApiErrorResponse> Invalid(HttpContext http, FieldErrors fields) =>
        Error(http, StatusCodes.Status400BadRequest, "invalid data: " + fields.Summary(), fields);

    public static JsonHttpResult<ApiErrorResponse> NotFound(HttpContext http, string what) =>
        Error(http, StatusCodes.Status404NotFound, $"{what} not found");
}
