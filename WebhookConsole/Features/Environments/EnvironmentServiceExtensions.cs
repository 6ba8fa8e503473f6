namespace WebhookConsole.Features.Environments;

internal static class EnvironmentServiceExtensions
{
    public static WebApplicationBuilder AddEnvironments(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EnvironmentService>();
        return builder;
    }
}
