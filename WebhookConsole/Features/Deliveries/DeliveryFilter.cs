namespace WebhookConsole.Features.Deliveries;

/// <summary>The filters of the delivery history; every one is optional.</summary>
internal sealed record DeliveryFilter(
    DeliveryStatus? Status = null,
    Guid? WebhookId = null,
    string? EventType = null,
    DateTime? Since = null,
    DateTime? Until = null,
    Guid? EnvironmentId = null,
    /// <summary>The start of the public event id (or all of it).</summary>
    string? EventId = null,
    /// <summary>True: test sends only; false: none of them.</summary>
    bool? Test = null);
