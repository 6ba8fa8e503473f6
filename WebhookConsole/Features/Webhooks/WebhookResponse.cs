using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using WebhookConsole.Dispatching.Signing;

namespace WebhookConsole.Features.Webhooks;

/// <summary>A webhook on the wire. <see cref="Secret"/> is present only in the answers to create and rotate.</summary>
internal sealed record WebhookResponse(
    Guid Id,
    string Name,
    string Uri,
    string HttpVerb,
    string Hook,
    int Retries,
    JsonObject? CustomData,
    bool Enabled,
    string? BodyTemplate,
    int TimeoutSeconds,
    IReadOnlyDictionary<string, string> Headers,
    string Signing,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret,
    DateTime Created,
    DateTime Updated,
    string? DisabledReason)
{
    public static WebhookResponse From(WebhookEndpoint w, string? secret = null) => new(
        w.Id,
        w.Name,
        w.Url,
        w.Method.ToLowerInvariant(),
        w.EventType,
        w.Retries,
        string.IsNullOrEmpty(w.CustomDataJson) ? null : JsonNode.Parse(w.CustomDataJson) as JsonObject,
        w.Enabled,
        w.BodyTemplate,
        w.TimeoutSeconds,
        string.IsNullOrEmpty(w.HeadersJson) ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(w.HeadersJson)!,
        SigningSchemeNames.ToWire(w.Signing),
        secret,
        w.CreatedAt,
        w.UpdatedAt,
        w.DisabledReason);

    public static WebhookResponse From(WebhookSaved saved) => From(saved.Webhook, saved.Secret);
}
