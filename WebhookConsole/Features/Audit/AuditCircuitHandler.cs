using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace WebhookConsole.Features.Audit;

/// <summary>
/// A console circuit has no HttpContext: every event from the browser runs with the circuit's signed-in admin
/// as the <see cref="AuditActor"/>, so services record changes made from the console under the admin's name.
/// </summary>
internal sealed class AuditCircuitHandler(AuthenticationStateProvider authentication, AuditActor actor) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var state = await authentication.GetAuthenticationStateAsync();
            using (actor.Use(AuditActor.NameOf(state.User) ?? AuditActor.System))
            {
                await next(context);
            }
        };
}
