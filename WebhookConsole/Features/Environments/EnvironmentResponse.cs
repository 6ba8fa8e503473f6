namespace WebhookConsole.Features.Environments;

/// <summary>An environment on the wire, with the ids of the webhooks it subscribes to.</summary>
internal sealed record EnvironmentResponse(Guid Id, string Name, IReadOnlyList<Guid> Webhooks, DateTime Created, DateTime Updated)
{
    public static EnvironmentResponse From(WebhookEnvironment e) =>
        new(e.Id, e.Name, e.Subscriptions.Select(s => s.WebhookId).Order().ToList(), e.CreatedAt, e.UpdatedAt);
}
