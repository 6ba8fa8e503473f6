using System.Text.Json;
using System.Text.Json.Nodes;
using WebhookConsole.Api;
using WebhookConsole.Components.Shared;

namespace WebhookConsole.Components.Pages.Webhooks;

/// <summary>
/// Puts a <c>{{ path }}</c> placeholder into a body template: at the caret when the caret is inside a JSON
/// string, else as a new field of the top-level object, so a click never breaks a valid template.
/// </summary>
internal static class PlaceholderInserter
{
    public static string Placeholder(string path) => "{{ " + path + " }}";

    /// <param name="caret">The caret's offset in <paramref name="template"/>, or null when unknown.</param>
    public static string Insert(string? template, string path, int? caret)
    {
        var text = template ?? "";
        if (caret is { } at && at >= 0 && at <= text.Length && InsideString(text, at))
        {
            return text.Insert(at, Placeholder(path));
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return JsonText.Pretty(new JsonObject { [KeyFor(path, [])] = Placeholder(path) });
        }
        try
        {
            // Text with half a surrogate pair cannot be written back from its nodes; the validator reports it.
            if (LoneSurrogates.Find(text) is null && JsonNode.Parse(text) is JsonObject body)
            {
                body[KeyFor(path, body)] = Placeholder(path);
                return JsonText.Pretty(body);
            }
        }
        catch (JsonException)
        {
            // Not JSON yet (the admin is typing): fall through and add the placeholder where it is visible.
        }
        var end = caret is { } position && position >= 0 && position <= text.Length ? position : text.Length;
        return text.Insert(end, Placeholder(path));
    }

    /// <summary>Whether <paramref name="caret"/> sits between the quotes of a JSON string.</summary>
    public static bool InsideString(string text, int caret)
    {
        var inside = false;
        for (var i = 0; i < caret && i < text.Length; i++)
        {
            if (text[i] == '\\' && inside)
            {
                i++;
            }
            else if (text[i] == '"')
            {
                inside = !inside;
            }
        }
        return inside;
    }

    /// <summary>The field's last segment as the key (<c>meta.event</c> → <c>event</c>), unless the body has it already.</summary>
    private static string KeyFor(string path, JsonObject body)
    {
        var key = path[(path.LastIndexOf('.') + 1)..];
        if (!body.ContainsKey(key))
        {
            return key;
        }
        key = path.Replace('.', '_');
        for (var n = 2; body.ContainsKey(key); n++)
        {
            key = path.Replace('.', '_') + "_" + n;
        }
        return key;
    }
}
