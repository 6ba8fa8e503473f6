using System.Globalization;
using System.Text.Json.Nodes;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>The delivery's metadata: the 'meta' variable of templates and the default envelope body.</summary>
internal static class TemplateMetadata
{
    public static string FormatTimestamp(DateTime timestamp)
    {
        // An unspecified kind is taken as UTC, which is what the contract of TemplateInput says it is.
        var utc = timestamp.Kind == DateTimeKind.Local ? timestamp.ToUniversalTime() : timestamp;
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    public static JsonObject Meta(TemplateInput input) => new()
    {
        ["event"] = input.EventType,
        ["event_id"] = input.EventId,
        ["timestamp"] = FormatTimestamp(input.Timestamp),
        ["environment"] = input.EnvironmentName,
        ["account_id"] = input.AccountId,
        ["webhook_id"] = input.WebhookId,
        ["delivery_id"] = input.DeliveryId,
    };

    /// <summary>The body sent when a webhook has no template.</summary>
    public static JsonObject Envelope(TemplateInput input) => new()
    {
        ["event"] = input.EventType,
        ["event_id"] = input.EventId,
        ["timestamp"] = FormatTimestamp(input.Timestamp),
        ["environment"] = input.EnvironmentName,
        ["data"] = SafeJson.Copy(input.Data) ?? new JsonObject(),
    };
}
