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
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(name, "format", NulFault(name));
            return null;
        }
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

    /// <summary>
    /// Why text holding U+0000 is refused. JSON allows it (as \u0000), but PostgreSQL can neither store it in a text
    /// column nor compare a column with it, and no name, id or type has a use for it.
    /// </summary>
    public static string NulFault(string name) => $"{name} must not contain the character U+0000 (NUL)";

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
        if (IsoTimestamp.Parse(text) is { } parsed)
        {
            return parsed;
        }
        errors.Add(name, "format", IsoTimestamp.Fault(name));
        return null;
    }

    /// <summary>A whole JSON number within [<paramref name="min"/>, <paramref name="max"/>]; a quoted number is refused.</summary>
    public static int? Int(JsonObject data, string name, FieldErrors errors, int min, int max)
    {
        if (!data.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }
        if (node.GetValueKind() != JsonValueKind.Number)
        {
            errors.Add(name, "type", $"{name} must be a JSON number");
            return null;
        }
        // Parsing through double accepts exponents (1e1) and turns huge values into infinities, never an exception.
        if (!double.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || double.IsInfinity(value) || value != Math.Floor(value))
        {
            errors.Add(name, "type", $"{name} must be a whole number");
            return null;
        }
        if (value < min || value > max)
        {
            errors.Add(name, "range", $"{name} must be between {min} and {max}");
            return null;
        }
        return (int)value;
    }

    public static bool? Bool(JsonObject data, string name, FieldErrors errors)
    {
        if (!data.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }
        var kind = node.GetValueKind();
        if (kind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add(name, "type", $"{name} must be true or false");
            return null;
        }
        return kind == JsonValueKind.True;
    }

    /// <summary>Whether the field is present with the JSON value <c>null</c>.</summary>
    public static bool IsNull(JsonObject data, string name) =>
        data.TryGetPropertyValue(name, out var node) && node is null;
}
