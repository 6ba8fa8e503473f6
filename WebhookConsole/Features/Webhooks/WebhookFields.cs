namespace WebhookConsole.Features.Webhooks;

/// <summary>The wire names of a webhook's fields: request keys, response keys and error keys alike.</summary>
internal static class WebhookFields
{
    public const string Name = "name";
    public const string Uri = "uri";
    public const string HttpVerb = "http_verb";
    public const string Hook = "hook";
    public const string Retries = "retries";
    public const string TimeoutSeconds = "timeout_seconds";
    public const string BodyTemplate = "body_template";
    public const string CustomData = "custom_data";
    public const string Headers = "headers";
    public const string Signing = "signing";
    public const string Secret = "secret";
    public const string Enabled = "enabled";

    public static readonly IReadOnlySet<string> Writable = new HashSet<string>(StringComparer.Ordinal)
    {
        Name, Uri, HttpVerb, Hook, Retries, TimeoutSeconds, BodyTemplate, CustomData, Headers, Signing, Secret, Enabled,
    };

    /// <summary>Fields a client may echo back from a read; they are ignored.</summary>
    public static readonly IReadOnlySet<string> ReadOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "created", "updated", "disabled_reason",
    };
}
