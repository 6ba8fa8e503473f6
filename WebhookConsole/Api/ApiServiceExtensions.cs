using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using WebhookConsole.Data;
using WebhookConsole.Hosting;

namespace WebhookConsole.Api;

internal static class ApiServiceExtensions
{
    /// <summary>Every path under it belongs to the API, whichever version it names.</summary>
    public const string Root = "/api";
    public const string Prefix = Root + "/v1";

    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<ApiOptions>(ApiOptions.Section);
        builder.Services.AddSingleton<ApiBodyReader>();
        builder.Services.AddScoped<ApiTokenFilter>();
        builder.Services.AddSingleton<RouteMethods>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            // Objects a client stored (custom_data, payloads, samples) may be as deep as a request may be, 64 levels;
            // the answer's envelope and a list's array nest them deeper, past the writer's default of 64.
            o.SerializerOptions.MaxDepth = 128;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
            // The web defaults read "3" as a number, and the OpenAPI document then says every number may be a string;
            // the API reads its bodies itself and refuses "3" (JsonFields.Int), so the document must say number.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        return builder;
    }

    /// <summary>The API group: every route under it needs a token and answers in the WIRECLOUD shape.</summary>
    public static RouteGroupBuilder MapApiGroup(this WebApplication app)
    {
        var group = app.MapGroup(Prefix).AddEndpointFilter<ApiTokenFilter>().DisableAntiforgery().ProducesCommonApiErrors().AnswerHeadAsGet();
        // An unknown route answers in the error shape too, not with the console's HTML page; a known one asked with
        // OPTIONS answers the methods it takes, and asked with another method 405 with them.
        group.MapFallback("{*path}", (HttpContext http, RouteMethods routes) =>
            {
                var allowed = routes.For(http.Request.Path);
                if (allowed.Count == 0)
                {
                    return ApiResults.NotFound(http, "route");
                }
                var list = string.Join(", ", allowed);
                if (HttpMethods.IsOptions(http.Request.Method))
                {
                    return ApiMethodConventions.Options(http, list);
                }
                http.Response.Headers.Allow = list;
                return ApiResults.Error(http, StatusCodes.Status405MethodNotAllowed, $"{http.Request.Method} is not allowed here; this route takes {list}");
            })
            .ExcludeFromDescription();
        // So does a path under /api with no version or another one: a client's typo, not a page of the console.
        app.MapFallback(Root + "/{*path}", (HttpContext http) => ApiResults.NotFound(http, "route")).ExcludeFromDescription();
        return group;
    }

    /// <summary>
    /// Anything unexpected under /api still answers in the error shape, without a stack trace. A database that cannot
    /// be used is reported to the <see cref="DatabaseOutageLog"/> instead of logged with its stack trace per request.
    /// </summary>
    public static WebApplication UseApiErrors(this WebApplication app)
    {
        var outage = app.Services.GetRequiredService<DatabaseOutageLog>();
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments(Root), api => api.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async http =>
            {
                var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
                var (status, message) = error switch
                {
                    BadHttpRequestException bad => (bad.StatusCode, "bad request"),
                    not null when DatabaseUnavailable.IsCause(error) => (StatusCodes.Status503ServiceUnavailable, "the database is unavailable; try again later"),
                    _ => (StatusCodes.Status500InternalServerError, "internal error"),
                };
                await ApiResults.Error(http, status, message).ExecuteAsync(http);
            },
            SuppressDiagnosticsCallback = handled => outage.ReportIfUnavailable("API request", handled.Exception),
        }));
        return app;
    }
}
