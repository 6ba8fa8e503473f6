using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Events;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Dispatching;

/// <summary>A delivery this node has leased, with what its attempt needs; the webhook is null when it was deleted.</summary>
internal sealed record DeliveryWork(Delivery Delivery, WebhookEndpoint? Webhook, CallEvent CallEvent);
