using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Events;

namespace WebhookConsole.Dispatching;

/// <summary>
/// A retry the <see cref="RetryTimer"/> holds with what its attempt needs: the delivery as its last attempt left it,
/// and its event. When due, one conditional UPDATE on the SQLite writer leases it, checking that the row is still the
/// one held (still retrying, no attempt made since), so the dispatcher neither leases it through a query nor loads it
/// again.
/// </summary>
internal sealed record HeldRetry(Delivery Delivery, CallEvent CallEvent);
