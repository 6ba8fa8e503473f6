using System.Text;
using Microsoft.AspNetCore.Http.Features;
using WebhookConsole.Api;

namespace WebhookConsole;

/// <summary>
/// The request line and header limits, answered by the app instead of the server: Kestrel's own 414 and 431 have
/// empty bodies, where the API answers every error in its error shape. Kestrel's limits are raised a margin above
/// these, which are its defaults, so what a client may send stays where it was; a request past them is answered
/// here, in the error shape under <c>/api</c> and as short text elsewhere. Past the margin Kestrel still refuses it
/// itself, without reading it whole into memory.
/// </summary>
internal static class RequestLimits
{
    /// <summary>The request line, <c>GET /path?query HTTP/1.1</c> with its line end, in bytes.</summary>
    public const int MaxRequestLineSize = 8 * 1024;

    /// <summary>All header lines, <c>Name: value</c> with their line ends, in bytes.</summary>
    public const int MaxHeadersTotalSize = 32 * 1024;

    public const int MaxHeaderCount = 100;

    /// <summary>How far above the limits Kestrel's own lie.</summary>
    private const int ServerMargin = 4;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.Limits.MaxRequestLineSize = MaxRequestLineSize * ServerMargin;
            options.Limits.MaxRequestHeadersTotalSize = MaxHeadersTotalSize * ServerMargin;
            options.Limits.MaxRequestHeaderCount = MaxHeaderCount * ServerMargin;
        });
        return builder;
    }

    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.Use((context, next) => Refusal(context) is { } refusal ? AnswerAsync(context, refusal.Status, refusal.Message) : next(context));
        return app;
    }

    /// <summary>What the request breaks, measured as a client writes it; null when it keeps the limits.</summary>
    private static (int Status, string Message)? Refusal(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        if (request.Method.Length + target.Length + request.Protocol.Length + "  \r\n".Length > MaxRequestLineSize)
        {
            return (StatusCodes.Status414UriTooLong, $"request line too long: at most {MaxRequestLineSize} bytes");
        }
        var count = 0;
        long chars = 0;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                count++;
                chars += name.Length + ": ".Length + (value?.Length ?? 0) + "\r\n".Length;
            }
        }
        if (count > MaxHeaderCount)
        {
            return (StatusCodes.Status431RequestHeaderFieldsTooLarge, $"too many request headers: at most {MaxHeaderCount}");
        }
        // Kestrel reads header values as UTF-8 (names are ASCII): a value's bytes are at least its characters and at most
        // three times as many. Only headers that may be past the limit in bytes are measured again, byte by byte.
        if (chars > MaxHeadersTotalSize || (chars * 3 > MaxHeadersTotalSize && Utf8Size(request.Headers) > MaxHeadersTotalSize))
        {
            return (StatusCodes.Status431RequestHeaderFieldsTooLarge, $"request headers too large: at most {MaxHeadersTotalSize} bytes in all");
        }
        return null;
    }

    private static long Utf8Size(IHeaderDictionary headers)
    {
        long size = 0;
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                size += name.Length + ": ".Length + Encoding.UTF8.GetByteCount(value ?? "") + "\r\n".Length;
            }
        }
        return size;
    }

    private static Task AnswerAsync(HttpContext context, int status, string message)
    {
        if (context.Request.Path.StartsWithSegments(ApiServiceExtensions.Root))
        {
            return ApiResults.Error(context, status, message).ExecuteAsync(context);
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(char.ToUpperInvariant(message[0]) + message[1..] + ".\n");
    }
}
