using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>
/// The values the Liquid engine works with: null, string, bool, decimal, double, a JSON number (a
/// <see cref="JsonValue"/>, kept as it is so that its original text survives), <see cref="JsonObject"/>,
/// <see cref="JsonArray"/>, <see cref="IReadOnlyList{T}"/> of values (ranges, filter results) and
/// <see cref="ForLoopState"/>.
/// </summary>
internal static class LiquidValues
{
    // The 'empty' and 'blank' literals; they only mean something in comparisons.
    public static readonly object EmptyLiteral = new();
    public static readonly object BlankLiteral = new();

    public static bool IsTruthy(object? value) => value is not (null or false);

    public static object? FromNode(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return node;
        }
        return value.GetValueKind() switch
        {
            JsonValueKind.String => SafeJson.StringOf(value),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value,
            _ => null,
        };
    }

    /// <summary>The value as interpolated into text: numbers in JSON form, null as nothing, collections as compact JSON.</summary>
    public static string ToText(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        double number => double.IsFinite(number) ? number.ToString("R", CultureInfo.InvariantCulture) : "",
        JsonValue number => NumberText(number),
        JsonObject or JsonArray or IReadOnlyList<object?> or ForLoopState => LiquidJson.Write(value),
        _ => "",
    };

    /// <summary>The value as a node of the rendered body; data nodes are copied, since a node has one parent.</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        decimal number => JsonValue.Create(number),
        double number => double.IsFinite(number) ? JsonValue.Create(number) : null,
        JsonNode node => SafeJson.Copy(node),
        IReadOnlyList<object?> list => new JsonArray(list.Select(ToNode).ToArray()),
        ForLoopState => JsonNode.Parse(LiquidJson.Write(value)),
        _ => JsonValue.Create(""),
    };

    /// <summary>A field, index or property of a value; null when there is none.</summary>
    public static object? Member(object? target, object? key)
    {
        switch (target)
        {
            case JsonObject obj:
                if (key is string name && obj.TryGetPropertyValue(name, out var child))
                {
                    return FromNode(child);
                }
                return key is "size" ? (decimal)obj.Count : null;
            case ForLoopState loop:
                return key is string property ? loop.Get(property) : null;
            case string text:
                return key is "size" ? (decimal)RuneCount(text) : null;
        }
        var count = ListCount(target);
        if (count < 0)
        {
            return null;
        }
        int index;
        if (key is "size")
        {
            return (decimal)count;
        }
        else if (key is "first")
        {
            index = 0;
        }
        else if (key is "last")
        {
            index = count - 1;
        }
        else if (LiquidNumbers.TryGetInteger(key, out var position))
        {
            index = (int)Math.Clamp(position < 0 ? count + position : position, -1, int.MaxValue);
        }
        else
        {
            return null;
        }
        return index >= 0 && index < count ? ElementAt(target, index) : null;
    }

    /// <summary>The number of items when the value is a list, otherwise -1.</summary>
    public static int ListCount(object? value) => value switch
    {
        JsonArray array => array.Count,
        IReadOnlyList<object?> list => list.Count,
        _ => -1,
    };

    public static object? ElementAt(object? list, int index) => list switch
    {
        JsonArray array => FromNode(array[index]),
        IReadOnlyList<object?> items => items[index],
        _ => null,
    };

    /// <summary>The items a for loop or a list filter walks through; objects give [key, value] pairs.</summary>
    public static IReadOnlyList<object?>? AsList(object? value) => value switch
    {
        JsonArray array => array.Select(FromNode).ToArray(),
        IReadOnlyList<object?> list => list,
        JsonObject obj => obj.Select(pair => (object?)new[] { pair.Key, FromNode(pair.Value) }).ToArray(),
        _ => null,
    };

    public static int Size(object? value) => value switch
    {
        string text => RuneCount(text),
        JsonObject obj => obj.Count,
        _ => Math.Max(ListCount(value), 0),
    };

    // Liquid counts characters, not UTF-16 units: an emoji is one.
    public static int RuneCount(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }
        return count;
    }

    private static string NumberText(JsonValue number)
    {
        if (number.TryGetValue<JsonElement>(out var element))
        {
            return element.GetRawText();
        }
        if (number.TryGetValue<double>(out var real))
        {
            return double.IsFinite(real) ? real.ToString("R", CultureInfo.InvariantCulture) : "";
        }
        return number.ToJsonString();
    }
}
