using System.Text.Json.Nodes;
using WebhookConsole.Api;

namespace WebhookConsole.Features.Events;

/// <summary>Validates the <c>data</c> of an ingest request: known fields only, each of the right type.</summary>
internal static class IngestRequestParser
{
    public const int MaxIdLength = 200;

    private static readonly HashSet<string> Allowed = ["id", "event", "environment", "timestamp", "payload"];

    public static IngestRequest? Parse(JsonObject data, FieldErrors errors)
    {
        JsonFields.RejectUnknown(data, Allowed, errors);
        var id = JsonFields.String(data, "id", errors, maxLength: MaxIdLength);
        if (id is not null && string.IsNullOrWhiteSpace(id))
        {
            errors.Add("id", "required", "id cannot be empty; leave it out to let the server make one");
        }
        // The id is repeated in every delivery's body, the console and the logs, and deduplicates: the characters a name
        // may not hold would break those lines or make two ids read alike.
        else if (id is not null && id.Any(NameText.IsRefused))
        {
            errors.Add("id", "format", "id cannot contain line breaks, control characters or invisible formatting characters");
        }
        var eventType = JsonFields.String(data, "event", errors, required: true, maxLength: 200);
        var environment = JsonFields.String(data, "environment", errors, required: true, maxLength: 200);
        var timestamp = JsonFields.Timestamp(data, "timestamp", errors);
        var payload = JsonFields.Object(data, "payload", errors) ?? [];

        return errors.Any ? null : new IngestRequest(id, eventType!, environment!, timestamp, payload);
    }

    /// <summary>
    /// The id of a body <see cref="Parse"/> refused, when the id itself passed: a repeated id answers the first result
    /// whatever the rest of the body holds, so the refusal stands only if the id was never seen.
    /// </summary>
    public static string? IdOfRefused(JsonObject data, FieldErrors errors) =>
        !errors.Has("id") && data["id"] is JsonValue value && value.TryGetValue<string>(out var id) ? id : null;
}
