using WebhookConsole.Data.Paging;

namespace WebhookConsole.Features.Environments;

/// <summary>A named context inside an account (e.g. <c>ITD2024</c>) that subscribes to webhooks.</summary>
internal sealed class WebhookEnvironment : IPagedRow
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public string Name { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<EnvironmentSubscription> Subscriptions { get; set; } = [];
}
