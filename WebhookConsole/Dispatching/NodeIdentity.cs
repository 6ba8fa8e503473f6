namespace WebhookConsole.Dispatching;

/// <summary>Names this process in the leases it takes, so a lease can be told apart from another node's.</summary>
internal sealed class NodeIdentity
{
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
