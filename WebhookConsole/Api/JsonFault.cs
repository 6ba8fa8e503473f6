using System.Text.Json;

namespace WebhookConsole.Api;

/// <summary>
/// Says what is wrong with JSON text that the parser refused without a position: a property given twice in one
/// object, or nesting deeper than the limit. Only asked once parsing has failed, so its second reading costs nothing
/// on the way of a good request.
/// </summary>
internal static class JsonFault
{
    /// <summary>Where the fault is and what it is, or null when the text has neither of these faults.</summary>
    public static (int Line, int Column, string What)? Find(ReadOnlySpan<byte> json, int maxDepth)
    {
        // Deeper than the limit, so the reader itself reports nothing before this method sees how deep it goes.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        var names = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth >= maxDepth:
                        return At(json, reader, $"it nests deeper than {maxDepth} levels");
                    case JsonTokenType.StartObject:
                        names.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        names.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName when names.Peek() is { } seen && !seen.Add(reader.GetString()!):
                        return At(json, reader, $"the property '{PrintableText.Of(reader.GetString()!)}' is given twice in one object");
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Some other fault, which the parser's own message covers.
        }
        return null;
    }

    private static (int, int, string) At(ReadOnlySpan<byte> json, Utf8JsonReader reader, string what)
    {
        var (line, column) = LoneSurrogates.Position(json, (int)reader.TokenStartIndex);
        return (line, column, what);
    }
}
