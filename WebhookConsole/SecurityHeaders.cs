namespace WebhookConsole;

/// <summary>Response headers that keep browsers from misreading, framing or leaking what the app serves.</summary>
internal static class SecurityHeaders
{
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var isApi = context.Request.Path.StartsWithSegments("/api");
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                // Links to receivers' URLs do not tell them which console page they were clicked on.
                headers["Referrer-Policy"] = "same-origin";
                // The console's own pages say so too (frame-ancestors); the Hangfire dashboard and the API reference do not.
                if (!headers.ContainsKey("X-Frame-Options"))
                {
                    headers.XFrameOptions = "SAMEORIGIN";
                }
                // API answers may carry a secret (a webhook's, on create and rotation): no cache keeps them.
                if (isApi)
                {
                    headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
