using MudBlazor;
using MudBlazor.Services;
using WebhookConsole.Data;

namespace WebhookConsole.Components;

internal static class ConsoleServiceExtensions
{
    /// <summary>The largest message the console's circuit takes from a browser.</summary>
    public const int MaxReceiveMessageBytes = 512 * 1024;

    public static WebApplicationBuilder AddConsole(this WebApplicationBuilder builder)
    {
        // Run from its build output (dotnet run) the console's scripts and styles are found through the build's
        // manifest, which the host reads in Development only; outside it every one of them answered 500. A published
        // app has no such manifest, so this changes nothing there.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            // SignalR's default of 32 KB per message would drop the circuit when a field longer than that is sent, a
            // body template among them (up to 64 K characters, which UTF-8 and JSON escapes can make three times as long).
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = MaxReceiveMessageBytes);
        // Confirmations pop up at the bottom right: at the top right they covered the top bar's account switcher,
        // dark mode and user menu.
        builder.Services.AddMudServices(mud => mud.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight);
        return builder;
    }

    public static WebApplication UseConsole(this WebApplication app)
    {
        // In Development too: `dotnet run` starts the console there, and the developer exception page would show a
        // stack trace and the request's cookies to whoever caused the error.
        var outage = app.Services.GetRequiredService<DatabaseOutageLog>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            CreateScopeForErrors = true,
            StatusCodeSelector = ex => DatabaseUnavailable.IsCause(ex) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            // An unusable database is reported once per outage and interval, not with a stack trace per request.
            SuppressDiagnosticsCallback = handled => outage.ReportIfUnavailable("console request", handled.Exception),
        });
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        return app;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        app.MapStaticAssets();
        // The framework would add a second Content-Security-Policy header (frame-ancestors 'self') beside the app's
        // whole policy, which says the same and more.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
