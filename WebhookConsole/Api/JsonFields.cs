using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebhookConsole.Api;

/// <summary>Strict readers for the fields of a request's <c>data</c> object; each fault goes to <see cref="FieldErrors"/>.</summary>
internal static class JsonFields
{
    public static void RejectUnknown(JsonObject data, IReadOnlySet<string> allowed, FieldErrors errors)
    {
        foreach (var (name, _) in data)
        {
            if (!allowed.Contains(name))
            {
                errors.Add(name, "unknown_field", $"'{name}' is not a field of this resource");
            }
        }
    }

    public static string? String(JsonObject data, string name, FieldErrors errors, bool required = false, int maxLength = 1000)
    {
        if (!data.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required)
            {
                errors.Add(name, "required", $"{name} is required");
            }
            return null;
        }
        if (node.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(name, "type", $"{name} must be a string");
            return null;
        }
        var value = node.GetValue<string>();
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(name, "required", $"{name} cannot be empty");
            return null;
        }
        if (value.Length > maxLength)
        {
            errors.Add(name, "maxLength", $"{name} is longer than {maxLength} characters");
            return null;
        }
        return value;
    }

    public static JsonObject? Object(JsonObject data, string name, FieldErrors errors, bool required = false)
    {
        if (!data.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required)
            {
                errors.Add(name, "required", $"{name} is required");
            }
            return null;
        }
        if (node is not JsonObject obj)
        {
            errors.Add(name, "type", $"{name} must be a JSON object");
            return null;
        }
        return obj;
    }

    /// <summary>An ISO 8601 date-time with an offset or <c>Z</c>, as UTC.</summary>
    public static DateTime? Timestamp(JsonObject data, string name, FieldErrors errors)
    {
        var text = String(data, name, errors, maxLength: 64);
        if (text is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            && text.Contains('T', StringComparison.OrdinalIgnoreCase))
        {
            return parsed.UtcDateTime;
        }
        errors.Add(name, "format", $"{name} must be an ISO 8601 date-time, e.g. 2024-07-30T14:35:00Z");
        return null;
    }
}
