using WebhookConsole.Features.Environments;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Components.Pages.Deliveries;

/// <summary>
/// What the history's filters offer in one account, and how its rows name their webhooks: read together, so the
/// filter bar and the rows never disagree on a webhook's name.
/// </summary>
internal sealed record DeliveryFilterChoices(
    IReadOnlyList<WebhookLabel> Webhooks,
    IReadOnlyDictionary<Guid, WebhookLabel> WebhooksById,
    IReadOnlyList<WebhookLabel> DisabledWebhooks,
    IReadOnlyList<string> EventTypes,
    IReadOnlyList<(Guid Id, string Name)> Environments)
{
    public static readonly DeliveryFilterChoices None = new([], new Dictionary<Guid, WebhookLabel>(), [], [], []);

    public static async Task<DeliveryFilterChoices> LoadAsync(
        WebhookService webhookService, EnvironmentService environmentService, EventTypeCatalog catalog, Guid accountId, CancellationToken cancellationToken)
    {
        var endpoints = await webhookService.ListAsync(accountId, cancellationToken);
        List<WebhookLabel> webhooks = [.. endpoints.Select(w => new WebhookLabel(w.Id, w.Name, w.Url))];
        var byId = webhooks.ToDictionary(w => w.Id);
        List<WebhookLabel> disabled = [.. endpoints.Where(w => !w.Enabled).Select(w => byId[w.Id])];
        List<(Guid, string)> environments = [.. (await environmentService.ListAsync(accountId, cancellationToken)).Select(e => (e.Id, e.Name))];
        List<string> eventTypes = [.. (await catalog.ListAsync(cancellationToken)).Select(t => t.Name)];
        return new DeliveryFilterChoices(webhooks, byId, disabled, eventTypes, environments);
    }
}
