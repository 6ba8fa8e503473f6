using WebhookConsole.Api;
using WebhookConsole.Components.Shared;

namespace WebhookConsole.Components.Pages.Webhooks;

/// <summary>The service's field faults as the form shows them: one sentence per field.</summary>
internal static class WebhookErrors
{
    public static Dictionary<string, string> ByField(FieldErrors errors) =>
        errors.Items.ToDictionary(e => e.Key, e => string.Join(" ", e.Value.Values.Select(m => Message(e.Key, m))), StringComparer.Ordinal);

    /// <summary>
    /// One fault of <paramref name="field"/> as a sentence that names the field as the form labels it: the validator
    /// speaks the API's language ("uri is required"), the form says "URL is required.".
    /// </summary>
    public static string Message(string field, string message)
    {
        var text = message.Trim();
        if (text.StartsWith(field + " ", StringComparison.Ordinal))
        {
            text = WebhookFieldLabels.Of(field) + text[field.Length..];
        }
        return FieldMessage.Sentence(text);
    }
}
