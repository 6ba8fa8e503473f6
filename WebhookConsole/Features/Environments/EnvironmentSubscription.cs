namespace WebhookConsole.Features.Environments;

/// <summary>An environment's subscription to one webhook.</summary>
internal sealed class EnvironmentSubscription
{
    public Guid EnvironmentId { get; set; }
    public Guid WebhookId { get; set; }
}
