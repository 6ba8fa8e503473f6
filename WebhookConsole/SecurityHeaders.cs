namespace WebhookConsole;

/// <summary>Response headers that keep browsers from misreading, framing or leaking what the app serves.</summary>
internal static class SecurityHeaders
{
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        // Strict-Transport-Security on requests that came over HTTPS, directly or, with forwarded headers enabled,
        // through a proxy that ended TLS. Not in Development, where a browser would keep it for localhost.
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.Use((context, next) =>
        {
            var isApi = context.Request.Path.StartsWithSegments("/api");
            // Chosen by the path as it arrives: the Hangfire dashboard moves its prefix into the path base.
            var policy = isApi ? ContentSecurityPolicy.Api : ContentSecurityPolicy.ForPage(context);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.ContentSecurityPolicy = policy;
                // Links to receivers' URLs do not tell them which console page they were clicked on.
                headers["Referrer-Policy"] = "same-origin";
                // The policy's frame-ancestors says the same (pages in this site's frames, API answers in none);
                // this header is for browsers that ignore it.
                if (!headers.ContainsKey("X-Frame-Options"))
                {
                    headers.XFrameOptions = isApi ? "DENY" : "SAMEORIGIN";
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
