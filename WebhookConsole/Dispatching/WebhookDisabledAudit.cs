using WebhookConsole.Features.Audit;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Dispatching;

/// <summary>
/// The audit entry of a switch-off by the dispatcher, actor <c>system</c>, written by <see cref="AttemptWriter"/>
/// in the transaction that switches the webhook off: a crash can keep neither without the other.
/// </summary>
internal sealed class WebhookDisabledAudit(AuditLog audit)
{
    /// <param name="disabled">The webhook as the switch-off's transaction left it, read back in that transaction.</param>
    public AuditEntry For(WebhookEndpoint disabled)
    {
        var after = AuditSnapshot.Of(disabled);
        // The switch-off matched only an enabled webhook, and an enabled webhook has no disabled reason; its update
        // time before the switch-off is not known any more, so the entry does not claim one.
        var before = AuditSnapshot.Of(disabled);
        before.Json["enabled"] = true;
        before.Json["disabled_reason"] = null;
        before.Json.Remove("updated");
        return audit.Entry(AuditActions.WebhookDisabled, before, after, AuditActor.System);
    }
}
