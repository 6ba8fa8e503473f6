using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>
/// Reads a body template's JSON text into <see cref="BodyNode"/>s, compiling the Liquid in its string values,
/// and turns any fault into a line and column of the template text.
/// </summary>
internal sealed class BodyCompiler(string template)
{
    private const int MaxDepth = 64;

    private readonly byte[] _utf8 = Encoding.UTF8.GetBytes(template);

    public bool TryCompile([NotNullWhen(true)] out BodyNode? root, [NotNullWhen(false)] out TemplateError? error)
    {
        root = null;
        error = null;
        var reader = new Utf8JsonReader(_utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new TemplateSyntaxException(CharOffset(reader.TokenStartIndex), "the template must be a JSON object");
            }
            root = ReadObject(ref reader);
            // Reading on makes the reader report anything after the object.
            while (reader.Read())
            {
            }
            return true;
        }
        catch (JsonException ex)
        {
            error = ReaderError(ex);
        }
        catch (TemplateSyntaxException ex)
        {
            error = ErrorAt(ex.Offset, ex.Message);
        }
        root = null;
        return false;
    }

    private BodyNode ReadObject(ref Utf8JsonReader reader)
    {
        var keys = new List<string>();
        var values = new List<BodyNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = GetString(ref reader);
            if (!seen.Add(key))
            {
                throw new TemplateSyntaxException(CharOffset(reader.TokenStartIndex), $"the key \"{key}\" appears twice in one object");
            }
            reader.Read();
            keys.Add(key);
            values.Add(ReadValue(ref reader));
        }
        return BodyNode.Object([.. keys], [.. values]);
    }

    private BodyNode ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader);
            case JsonTokenType.StartArray:
                var items = new List<BodyNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }
                return BodyNode.Array([.. items]);
            case JsonTokenType.String:
                return ReadString(ref reader);
            case JsonTokenType.Number:
                // Kept as a JSON element, the number is written back exactly as the template spells it.
                return BodyNode.Constant(JsonValue.Create(JsonElement.ParseValue(ref reader)));
            case JsonTokenType.True or JsonTokenType.False:
                return BodyNode.Constant(JsonValue.Create(reader.TokenType == JsonTokenType.True));
            default:
                return BodyNode.Constant(null);
        }
    }

    private BodyNode ReadString(ref Utf8JsonReader reader)
    {
        var text = GetString(ref reader);
        if (!text.Contains("{{", StringComparison.Ordinal) && !text.Contains("{%", StringComparison.Ordinal))
        {
            return BodyNode.Text(text);
        }
        try
        {
            return BodyNode.Liquid(LiquidTemplate.Parse(text));
        }
        catch (TemplateSyntaxException ex)
        {
            var offset = SourceOffset(CharOffset(reader.TokenStartIndex) + 1, ex.Offset, reader.ValueIsEscaped);
            throw new TemplateSyntaxException(offset, "Liquid: " + ex.Message);
        }
    }

    private string GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // The reader accepts \uD800 alone; it is no text, so there is nothing to render it as.
            throw new TemplateSyntaxException(CharOffset(reader.TokenStartIndex), "the string contains an invalid \\u escape");
        }
    }

    /// <summary>Where, in the template text, the character at <paramref name="offset"/> of a decoded string is.</summary>
    private int SourceOffset(int contentStart, int offset, bool escaped)
    {
        if (!escaped)
        {
            return contentStart + offset;
        }
        var at = contentStart;
        for (var i = 0; i < offset && at < template.Length; i++)
        {
            // Every escape decodes to one UTF-16 unit: \uXXXX takes six characters of the text, the others two.
            at += template[at] != '\\' ? 1 : template[at + 1] == 'u' ? 6 : 2;
        }
        return at;
    }

    private int CharOffset(long byteOffset) =>
        Encoding.UTF8.GetCharCount(_utf8, 0, (int)Math.Clamp(byteOffset, 0, _utf8.Length));

    private TemplateError ReaderError(JsonException ex)
    {
        var line = (int)(ex.LineNumber ?? 0);
        var lineStart = 0;
        for (var i = 0; i < line && lineStart < _utf8.Length; i++)
        {
            var next = Array.IndexOf(_utf8, (byte)'\n', lineStart);
            lineStart = next < 0 ? _utf8.Length : next + 1;
        }
        var bytes = (int)Math.Clamp(ex.BytePositionInLine ?? 0, 0, _utf8.Length - lineStart);
        var column = Encoding.UTF8.GetCharCount(_utf8, lineStart, bytes) + 1;
        // The reader appends its own position in bytes; the error carries it in characters instead.
        var message = ex.Message;
        var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return new TemplateError(line + 1, column, JsonReaderMessages.Plain((suffix < 0 ? message : message[..suffix]).Trim()));
    }

    private TemplateError ErrorAt(int offset, string message)
    {
        offset = Math.Clamp(offset, 0, template.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (template[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new TemplateError(line, offset - lineStart + 1, message);
    }
}
