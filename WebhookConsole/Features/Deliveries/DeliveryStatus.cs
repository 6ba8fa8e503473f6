namespace WebhookConsole.Features.Deliveries;

public enum DeliveryStatus
{
    Pending = 0,
    Retrying = 1,
    Succeeded = 2,
    Failed = 3,
}
