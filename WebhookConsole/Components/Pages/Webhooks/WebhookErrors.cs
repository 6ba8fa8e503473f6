using WebhookConsole.Api;

namespace WebhookConsole.Components.Pages.Webhooks;

/// <summary>The service's field faults as the form shows them: one sentence per field.</summary>
internal static class WebhookErrors
{
    public static Dictionary<string, string> ByField(FieldErrors errors) =>
        errors.Items.ToDictionary(e => e.Key, e => string.Join(" ", e.Value.Values.Select(Sentence)), StringComparer.Ordinal);

    public static string Sentence(string message)
    {
        var text = message.Trim();
        if (text.Length == 0)
        {
            return text;
        }
        text = char.ToUpperInvariant(text[0]) + text[1..];
        return text.EndsWith('.') ? text : text + ".";
    }
}
