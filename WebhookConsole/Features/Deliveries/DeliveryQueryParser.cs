using System.Globalization;
using WebhookConsole.Api;

namespace WebhookConsole.Features.Deliveries;

/// <summary>Reads the history's query string (filters and paging); each bad value is a fault on its parameter.</summary>
internal static class DeliveryQueryParser
{
    public static readonly IReadOnlyList<string> FilterNames = ["status", "webhook_id", "event", "since", "until"];
    public static readonly IReadOnlyList<string> PagingNames = ["page_size", "start_key"];

    /// <summary>The paging parameters as the API document describes them, for every paged list.</summary>
    public static readonly (string Name, string Description)[] PagingParameters =
    [
        ("page_size", "items per page, 1 to 500 (default 50)"),
        ("start_key", "the next_start_key of the page before"),
    ];

    /// <summary>
    /// Faults every parameter not in <paramref name="allowed"/>: a misspelt filter read as no filter would list, or
    /// replay, far more than was asked for.
    /// </summary>
    public static void RejectUnknown(IQueryCollection query, IReadOnlyList<string> allowed, FieldErrors errors)
    {
        foreach (var (name, _) in query)
        {
            if (!allowed.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(PrintableText.Of(name), "unknown_parameter",
                    $"not a parameter of this route, which takes {string.Join(", ", allowed)}");
            }
        }
    }

    public static DeliveryFilter Filter(IQueryCollection query, FieldErrors errors)
    {
        DeliveryStatus? status = null;
        if (Single(query, "status", errors) is { } statusText)
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
        if (Single(query, "webhook_id", errors) is { } webhookText)
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
        var eventType = Single(query, "event", errors);
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
        return new DeliveryFilter(status, webhookId, string.IsNullOrEmpty(eventType) ? null : eventType, since, until);
    }

    public static PageRequest Paging(IQueryCollection query, FieldErrors errors)
    {
        var size = PageRequest.DefaultSize;
        if (Single(query, "page_size", errors) is { } sizeText)
        {
            if (int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= PageRequest.MaxSize)
            {
                size = parsed;
            }
            else
            {
                errors.Add("page_size", "range", $"page_size must be a whole number from 1 to {PageRequest.MaxSize}");
            }
        }
        PageKey? start = null;
        if (Single(query, "start_key", errors) is { } keyText)
        {
            start = PageKey.Parse(keyText);
            if (start is null)
            {
                errors.Add("start_key", "format", "start_key must be a next_start_key from an earlier answer");
            }
        }
        return new PageRequest(size, start);
    }

    private static DateTime? Time(IQueryCollection query, string name, FieldErrors errors)
    {
        if (Single(query, name, errors) is not { } text)
        {
            return null;
        }
        if (text.Contains('T', StringComparison.OrdinalIgnoreCase)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed.UtcDateTime;
        }
        errors.Add(name, "format", $"{name} must be an ISO 8601 date-time, e.g. 2024-07-30T14:35:00Z");
        return null;
    }

    private static string? Single(IQueryCollection query, string name, FieldErrors errors)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }
        if (values.Count > 1)
        {
            errors.Add(name, "single", $"{name} may be given once");
            return null;
        }
        var value = values.ToString();
        return value.Length == 0 ? null : value;
    }
}
