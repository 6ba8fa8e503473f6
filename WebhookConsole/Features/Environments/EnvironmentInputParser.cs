using System.Text.Json;
using System.Text.Json.Nodes;
using WebhookConsole.Api;

namespace WebhookConsole.Features.Environments;

/// <summary>Reads the <c>data</c> of an environment request: <c>name</c> and <c>webhooks</c> (UUIDs).</summary>
internal static class EnvironmentInputParser
{
    public const string Name = "name";
    public const string Webhooks = "webhooks";
    private const int MaxWebhooks = 1000;
    private static readonly HashSet<string> Writable = [Name, Webhooks];
    private static readonly HashSet<string> Allowed = [Name, Webhooks, "id", "created", "updated"];

    public static EnvironmentInput Parse(JsonObject data, FieldErrors errors)
    {
        JsonFields.RejectUnknown(data, Allowed, errors);
        return new EnvironmentInput
        {
            Fields = data.Select(p => p.Key).Where(Writable.Contains).ToHashSet(StringComparer.Ordinal),
            Name = JsonFields.String(data, Name, errors, maxLength: 200),
            Webhooks = WebhookIds(data, errors),
        };
    }

    private static List<Guid>? WebhookIds(JsonObject data, FieldErrors errors)
    {
        if (!data.TryGetPropertyValue(Webhooks, out var node) || node is null)
        {
            return null;
        }
        if (node is not JsonArray array)
        {
            errors.Add(Webhooks, "type", "webhooks must be an array of webhook ids");
            return null;
        }
        if (array.Count > MaxWebhooks)
        {
            errors.Add(Webhooks, "maxItems", $"at most {MaxWebhooks} webhooks");
            return null;
        }
        var ids = new List<Guid>();
        foreach (var item in array)
        {
            if (item is null || item.GetValueKind() != JsonValueKind.String || !Guid.TryParse(item.GetValue<string>(), out var id))
            {
                errors.Add(Webhooks, "format", "every item of webhooks must be a webhook id (a UUID string)");
                return null;
            }
            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }
        return ids;
    }
}
