namespace WebhookConsole.Data.NodeChanges;

internal static class NodeChangeServiceExtensions
{
    /// <summary>
    /// Passes changes of webhook setup, revoked API tokens and deliveries between the nodes of a PostgreSQL cluster.
    /// Both services are always registered and do nothing on SQLite: the provider is known only once every
    /// configuration source is read.
    /// </summary>
    public static WebApplicationBuilder AddNodeChanges(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<NodeChangeListener>();
        builder.Services.AddHostedService<NodeChangeSender>();
        return builder;
    }
}
