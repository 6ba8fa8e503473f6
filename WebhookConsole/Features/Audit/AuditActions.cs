namespace WebhookConsole.Features.Audit;

/// <summary>The actions the audit log records, named <c>&lt;entity type&gt;.&lt;verb&gt;</c>.</summary>
internal static class AuditActions
{
    public const string WebhookCreated = "webhook.created";
    public const string WebhookUpdated = "webhook.updated";
    public const string WebhookDeleted = "webhook.deleted";
    public const string WebhookEnabled = "webhook.enabled";
    public const string WebhookDisabled = "webhook.disabled";
    public const string WebhookSecretRotated = "webhook.secret_rotated";
    public const string EnvironmentCreated = "environment.created";
    public const string EnvironmentUpdated = "environment.updated";
    public const string EnvironmentDeleted = "environment.deleted";
    public const string EventTypeCreated = "event_type.created";
    public const string EventTypeUpdated = "event_type.updated";
    public const string EventTypeDeleted = "event_type.deleted";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
    public const string AccountCreated = "account.created";
    public const string AdminCreated = "admin.created";
    public const string AdminDeleted = "admin.deleted";

    public static readonly IReadOnlyList<string> All =
    [
        WebhookCreated, WebhookUpdated, WebhookDeleted, WebhookEnabled, WebhookDisabled, WebhookSecretRotated,
        EnvironmentCreated, EnvironmentUpdated, EnvironmentDeleted,
        EventTypeCreated, EventTypeUpdated, EventTypeDeleted,
        TokenCreated, TokenRevoked, AccountCreated,
        AdminCreated, AdminDeleted,
    ];

    /// <summary>
    /// An edit that only switched the webhook on or off reads as <c>webhook.enabled</c>/<c>webhook.disabled</c>;
    /// any other edit is <c>webhook.updated</c>.
    /// </summary>
    public static string ForWebhookEdit(AuditSnapshot before, AuditSnapshot after)
    {
        var wasEnabled = before.Json["enabled"]?.GetValue<bool>() == true;
        var isEnabled = after.Json["enabled"]?.GetValue<bool>() == true;
        if (wasEnabled == isEnabled || !AuditSnapshot.SameExcept(before, after, "enabled", "disabled_reason", "updated"))
        {
            return WebhookUpdated;
        }
        return isEnabled ? WebhookEnabled : WebhookDisabled;
    }
}
