using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebhookConsole.Api;

namespace WebhookConsole.Components.Shared;

/// <summary>Shows JSON the way people read it: indented, non-ASCII text as it is.</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The text indented when it is JSON, else unchanged; unchanged too when a string in it holds half of a surrogate
    /// pair, which JSON allows and no writer can write back (a receiver's answer may hold one).
    /// </summary>
    public static string Pretty(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || LoneSurrogates.Find(text) is not null)
        {
            return text ?? "";
        }
        try
        {
            return JsonNode.Parse(text)?.ToJsonString(Indented) ?? text;
        }
        catch (JsonException)
        {
            return text;
        }
    }

    public static string Pretty(JsonNode node) => node.ToJsonString(Indented);
}
