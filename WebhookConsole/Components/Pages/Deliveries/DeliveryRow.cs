using WebhookConsole.Data.Paging;
using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Components.Pages.Deliveries;

/// <summary>One line of the history: a delivery with its event and the name and URL of its webhook.</summary>
public sealed record DeliveryRow(
    Guid Id,
    DateTime CreatedAt,
    string EventType,
    string EventId,
    string Environment,
    Guid WebhookId,
    string? WebhookName,
    string? WebhookUrl,
    DeliveryStatus Status,
    int AttemptCount,
    int? LastStatusCode,
    int? LastDurationMs,
    string? LastError,
    DateTime? NextAttemptAt,
    bool IsReplay,
    bool IsTest)
{
    internal PageKey Key => new(CreatedAt, Id);

    internal static DeliveryRow From(DeliveryView view, IReadOnlyDictionary<Guid, WebhookLabel> webhooks)
    {
        var d = view.Delivery;
        var webhook = webhooks.GetValueOrDefault(d.WebhookId);
        return new DeliveryRow(d.Id, d.CreatedAt, d.EventType, view.EventId, view.Environment, d.WebhookId, webhook?.Name, webhook?.Url,
            d.Status, d.AttemptCount, d.LastStatusCode, d.LastDurationMs, d.LastError, d.NextAttemptAt, d.ReplayOfId is not null,
            d.IsTest);
    }
}
