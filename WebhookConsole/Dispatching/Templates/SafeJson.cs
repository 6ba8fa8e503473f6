using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>
/// Reads and copies event data so that no data can break a render or the body written from it. JSON allows a
/// lone surrogate escape ("\ud83d", half an emoji cut by a client), which .NET refuses to read back as text
/// or to write; such text is read with U+FFFD in place of the broken character.
/// </summary>
internal static class SafeJson
{
    public static string StringOf(JsonValue value)
    {
        try
        {
            if (value.TryGetValue<string>(out var text))
            {
                return text;
            }
        }
        catch (InvalidOperationException) when (value.TryGetValue<JsonElement>(out var element))
        {
            return Decode(element.GetRawText());
        }
        // A value built from another CLR type (a date, a Guid) still serializes as a JSON string.
        using var document = JsonDocument.Parse(value.ToJsonString());
        return document.RootElement.GetString() ?? "";
    }

    /// <summary>A copy of <paramref name="node"/> for the rendered body (a node has one parent), with safe text.</summary>
    public static JsonNode? Copy(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy.Add(key, Copy(value));
                }
                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(Copy(item));
                }
                return items;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(StringOf(value));
            case JsonValue value when value.TryGetValue<double>(out var real) && !double.IsFinite(real):
                // NaN and infinities have no JSON form.
                return null;
            default:
                return node.DeepClone();
        }
    }

    /// <summary>Decodes a JSON string literal as the reader would, but without refusing unpaired surrogates.</summary>
    private static string Decode(string literal)
    {
        var text = new StringBuilder(literal.Length);
        for (var i = 1; i < literal.Length - 1; i++)
        {
            var c = literal[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }
            c = literal[++i];
            switch (c)
            {
                case 'u':
                    text.Append((char)int.Parse(literal.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                case 'n':
                    text.Append('\n');
                    break;
                case 'r':
                    text.Append('\r');
                    break;
                case 't':
                    text.Append('\t');
                    break;
                case 'b':
                    text.Append('\b');
                    break;
                case 'f':
                    text.Append('\f');
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                text[i] = '\uFFFD';
            }
        }
        return text.ToString();
    }
}
