using Microsoft.Extensions.Options;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Names this process in the leases it takes and the attempts it records, so a lease can be told apart from
/// another node's. Unique per process even when several nodes are given the same <c>Dispatcher:NodeName</c>.
/// </summary>
internal sealed class NodeIdentity(IOptions<DispatcherOptions> options)
{
    public string Name { get; } =
        $"{(string.IsNullOrWhiteSpace(options.Value.NodeName) ? Environment.MachineName : options.Value.NodeName)}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
