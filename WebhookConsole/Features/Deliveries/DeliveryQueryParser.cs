using WebhookConsole.Api;

namespace WebhookConsole.Features.Deliveries;

/// <summary>Reads the history's filters from the query string (its paging: <see cref="ListQuery"/>); each bad value is a fault on its parameter.</summary>
internal static class DeliveryQueryParser
{
    public static readonly IReadOnlyList<string> FilterNames = ["status", "webhook_id", "event", "since", "until", "test"];

    public static DeliveryFilter Filter(IQueryCollection query, FieldErrors errors)
    {
        DeliveryStatus? status = null;
        if (ListQuery.Single(query, "status", errors) is { } statusText)
        {
            if (DeliveryStatusNames.TryParse(statusText, out var parsed))
            {
                status = parsed;
            }
            else
            {
                errors.Add("status", "enum", "status must be pending, retrying, succeeded or failed");
            }
        }
        Guid? webhookId = null;
        if (ListQuery.Single(query, "webhook_id", errors) is { } webhookText)
        {
            if (Guid.TryParse(webhookText, out var id))
            {
                webhookId = id;
            }
            else
            {
                errors.Add("webhook_id", "format", "webhook_id must be a UUID");
            }
        }
        var eventType = ListQuery.Single(query, "event", errors);
        if (eventType is not null && eventType.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add("event", "format", JsonFields.NulFault("event"));
            eventType = null;
        }
        var since = Time(query, "since", errors);
        var until = Time(query, "until", errors);
        if (since > until)
        {
            errors.Add("until", "range", "until is before since, so no delivery can match");
        }
        return new DeliveryFilter(status, webhookId, string.IsNullOrEmpty(eventType) ? null : eventType, since, until, Test: Test(query, errors));
    }

    /// <summary>Exactly <c>true</c> or <c>false</c>: read loosely, a typo would replay test sends with the rest.</summary>
    private static bool? Test(IQueryCollection query, FieldErrors errors)
    {
        switch (ListQuery.Single(query, "test", errors))
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                errors.Add("test", "enum", "test must be true (test sends only) or false (no test sends)");
                return null;
        }
    }

    private static DateTime? Time(IQueryCollection query, string name, FieldErrors errors)
    {
        if (ListQuery.Single(query, name, errors) is not { } text)
        {
            return null;
        }
        if (IsoTimestamp.Parse(text) is { } parsed)
        {
            return parsed;
        }
        errors.Add(name, "format", IsoTimestamp.Fault(name));
        return null;
    }
}
