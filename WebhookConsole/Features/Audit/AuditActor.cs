using System.Security.Claims;
using WebhookConsole.Features.Tokens;

namespace WebhookConsole.Features.Audit;

/// <summary>
/// Who is making the current change. An API request names its token; a signed-in admin's request names the admin;
/// a console circuit (where there is no HttpContext) is named by <see cref="AuditCircuitHandler"/> through
/// <see cref="Use"/>; anything else — the dispatcher, start-up seeding — is <c>system</c>.
/// </summary>
internal sealed class AuditActor(IHttpContextAccessor http)
{
    public const string System = "system";
    public const string TokenPrefix = "token:";

    private readonly AsyncLocal<string?> current = new();

    public string Current => current.Value ?? FromHttp(http.HttpContext) ?? System;

    /// <summary>Names the actor for the code that runs (and awaits) inside the returned scope.</summary>
    public IDisposable Use(string actor)
    {
        var previous = current.Value;
        current.Value = actor;
        return new Restore(() => current.Value = previous);
    }

    /// <summary>The admin's email, else the user name; null when nobody is signed in.</summary>
    public static string? NameOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
            ? user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name
            : null;

    private static string? FromHttp(HttpContext? context) =>
        context is null ? null
        : context.Items[typeof(ApiCaller)] is ApiCaller caller ? TokenPrefix + caller.TokenName
        : NameOf(context.User);

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
