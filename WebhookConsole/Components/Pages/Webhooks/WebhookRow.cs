using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Components.Pages.Webhooks;

/// <summary>A webhook as the list shows it.</summary>
public sealed record WebhookRow(
    Guid Id,
    string Name,
    string Url,
    string EventType,
    string Method,
    bool Enabled,
    string? DisabledReason,
    string? BodyTemplate,
    string? CustomDataJson,
    DateTime CreatedAt)
{
    internal static WebhookRow From(WebhookEndpoint w) =>
        new(w.Id, w.Name, w.Url, w.EventType, w.Method, w.Enabled, w.DisabledReason, w.BodyTemplate, w.CustomDataJson, w.CreatedAt);
}
