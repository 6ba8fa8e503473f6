using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WebhookConsole.Features.Audit;

internal static class AuditServiceExtensions
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AuditActor>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<AuditQueryService>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, AuditCircuitHandler>());
        return builder;
    }
}
