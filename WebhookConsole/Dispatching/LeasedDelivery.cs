using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Events;

namespace WebhookConsole.Dispatching;

/// <summary>
/// A delivery committed already leased by this node, handed to its dispatcher with its event, so the dispatcher
/// neither leases nor loads it again. Only the webhook is read afresh when the attempt is due.
/// </summary>
internal sealed record LeasedDelivery(Delivery Delivery, CallEvent CallEvent);
