namespace WebhookConsole.Features.Deliveries;

/// <summary>The filters of the delivery history; every one is optional.</summary>
internal sealed record DeliveryFilter(
    DeliveryStatus? Status = null,
    Guid? WebhookId = null,
    string? EventType = null,
    DateTime? Since = null,
    DateTime? Until = null,
    Guid? EnvironmentId = null,
    /// <summary>Part of the public event id.</summary>
    string? EventId = null);
