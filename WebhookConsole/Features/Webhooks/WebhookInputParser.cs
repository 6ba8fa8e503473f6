using System.Text.Json;
using System.Text.Json.Nodes;
using WebhookConsole.Api;

namespace WebhookConsole.Features.Webhooks;

/// <summary>Reads the <c>data</c> of a webhook request: known fields only, each of the right JSON type.</summary>
internal static class WebhookInputParser
{
    private static readonly HashSet<string> Allowed = [.. WebhookFields.Writable, .. WebhookFields.ReadOnly];

    public static WebhookInput Parse(JsonObject data, FieldErrors errors)
    {
        JsonFields.RejectUnknown(data, Allowed, errors);
        return new WebhookInput
        {
            Fields = data.Select(p => p.Key).Where(WebhookFields.Writable.Contains).ToHashSet(StringComparer.Ordinal),
            Name = JsonFields.String(data, WebhookFields.Name, errors, maxLength: WebhookValidator.MaxNameLength),
            // Spaces around the URL are trimmed as the console's form trims them; any inside are refused by the validator.
            Uri = JsonFields.String(data, WebhookFields.Uri, errors, maxLength: WebhookValidator.MaxUriLength) is { } uri ? NameText.Trim(uri) : null,
            HttpVerb = JsonFields.String(data, WebhookFields.HttpVerb, errors, maxLength: 16),
            Hook = JsonFields.String(data, WebhookFields.Hook, errors, maxLength: 200),
            // The validator's bounds (its rules, shared with the console), so 1e20 is answered as 11 is, not with int's range.
            Retries = JsonFields.Int(data, WebhookFields.Retries, errors, WebhookValidator.MinRetries, WebhookValidator.MaxRetries),
            TimeoutSeconds = JsonFields.Int(data, WebhookFields.TimeoutSeconds, errors, WebhookValidator.MinTimeoutSeconds, WebhookValidator.MaxTimeoutSeconds),
            BodyTemplate = JsonFields.String(data, WebhookFields.BodyTemplate, errors, maxLength: WebhookValidator.MaxTemplateLength),
            CustomData = JsonFields.Object(data, WebhookFields.CustomData, errors),
            Headers = Headers(data, errors),
            Signing = JsonFields.String(data, WebhookFields.Signing, errors, maxLength: 16),
            Secret = JsonFields.String(data, WebhookFields.Secret, errors, maxLength: 512),
            Enabled = JsonFields.Bool(data, WebhookFields.Enabled, errors),
        };
    }

    private static Dictionary<string, string>? Headers(JsonObject data, FieldErrors errors)
    {
        if (JsonFields.Object(data, WebhookFields.Headers, errors) is not { } headers)
        {
            return null;
        }
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (given, value) in headers)
        {
            // Trimmed before the duplicate check, so " X-A" and "X-A" are one header given twice, as in the console.
            var name = NameText.Trim(given);
            if (value is null || value.GetValueKind() != JsonValueKind.String)
            {
                errors.Add(WebhookFields.Headers, "type", $"the value of header '{PrintableText.Of(name)}' must be a string");
            }
            else if (!result.TryAdd(name, WebhookValidator.TrimHeaderValue(value.GetValue<string>())))
            {
                errors.Add(WebhookFields.Headers, "duplicate", $"header '{PrintableText.Of(name)}' is given twice");
            }
        }
        return result;
    }
}
