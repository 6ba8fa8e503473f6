using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Components.Pages.Webhooks;

/// <summary>The edit form's names for the webhook's wire fields.</summary>
internal static class WebhookFieldLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [WebhookFields.Name] = "name",
        [WebhookFields.Uri] = "URL",
        [WebhookFields.HttpVerb] = "method",
        [WebhookFields.Hook] = "event",
        [WebhookFields.Retries] = "retries",
        [WebhookFields.TimeoutSeconds] = "timeout",
        [WebhookFields.BodyTemplate] = "body template",
        [WebhookFields.CustomData] = "custom data",
        [WebhookFields.Headers] = "headers",
        [WebhookFields.Signing] = "signing",
        [WebhookFields.Secret] = "secret",
        [WebhookFields.Enabled] = "status",
        [WebhookEditor.EnvironmentsField] = "environments",
    };

    public static string Of(string field) => Labels.GetValueOrDefault(field, field);

    /// <summary>"name, URL and environments".</summary>
    public static string List(IReadOnlyList<string> fields)
    {
        var labels = fields.Select(Of).ToList();
        return labels.Count < 2 ? string.Concat(labels) : string.Join(", ", labels[..^1]) + " and " + labels[^1];
    }
}
