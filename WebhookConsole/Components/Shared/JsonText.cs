using System.Globalization;
using System.Text;
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
            return JsonNode.Parse(text) is { } node ? Pretty(node) : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }

    public static string Pretty(JsonNode node) => WithPairsUnescaped(node.ToJsonString(Indented));

    /// <summary>
    /// The writer escapes every character beyond the Basic Multilingual Plane (emoji, say) as two <c>\uXXXX</c>
    /// escapes, whatever its encoder allows; this puts the character back. An escaped backslash is passed over
    /// whole, so text that only looks like such an escape stays as it is.
    /// </summary>
    private static string WithPairsUnescaped(string json)
    {
        if (!json.Contains("\\uD", StringComparison.Ordinal))
        {
            return json;
        }
        var text = new StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == '\\' && i + 1 < json.Length)
            {
                if (Escape(json, i) is { } high && char.IsHighSurrogate(high) && Escape(json, i + 6) is { } low && char.IsLowSurrogate(low))
                {
                    text.Append(high).Append(low);
                    i += 11;
                    continue;
                }
                text.Append(json[i]);
                i++;
            }
            text.Append(json[i]);
        }
        return text.ToString();
    }

    /// <summary>The character a <c>\uXXXX</c> escape at <paramref name="at"/> stands for, or null when there is none.</summary>
    private static char? Escape(string json, int at) =>
        at + 6 <= json.Length && json[at] == '\\' && json[at + 1] == 'u'
            && ushort.TryParse(json.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, null, out var code)
            ? (char)code
            : null;
}
