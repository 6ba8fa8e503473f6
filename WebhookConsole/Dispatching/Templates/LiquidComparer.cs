using System.Text.Json.Nodes;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>Liquid's comparison operators. Values of different kinds are unequal and unordered, never an error.</summary>
internal static class LiquidComparer
{
    public static bool AreEqual(object? left, object? right)
    {
        if (ReferenceEquals(left, LiquidValues.EmptyLiteral) || ReferenceEquals(left, LiquidValues.BlankLiteral))
        {
            (left, right) = (right, left);
        }
        if (ReferenceEquals(right, LiquidValues.EmptyLiteral))
        {
            return IsEmpty(left);
        }
        if (ReferenceEquals(right, LiquidValues.BlankLiteral))
        {
            return IsBlank(left);
        }
        if (left is null || right is null)
        {
            return left is null && right is null;
        }
        if (LiquidNumbers.IsNumber(left) && LiquidNumbers.IsNumber(right))
        {
            return LiquidNumbers.Compare(left, right) == 0;
        }
        return (left, right) switch
        {
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (bool a, bool b) => a == b,
            (JsonNode a, JsonNode b) => JsonNode.DeepEquals(a, b),
            _ => ListsEqual(left, right),
        };
    }

    /// <summary>&lt;, &gt;, &lt;= and &gt;= on two numbers or two strings; false for anything else.</summary>
    public static bool Compare(object? left, object? right, Func<int, bool> accept)
    {
        if (LiquidNumbers.IsNumber(left) && LiquidNumbers.IsNumber(right))
        {
            return accept(LiquidNumbers.Compare(left!, right!));
        }
        if (left is string a && right is string b)
        {
            return accept(string.CompareOrdinal(a, b));
        }
        return false;
    }

    public static bool Contains(object? container, object? item)
    {
        switch (container)
        {
            case string text:
                return item is not null && text.Contains(LiquidValues.ToText(item), StringComparison.Ordinal);
            case JsonObject obj:
                return item is string key && obj.ContainsKey(key);
        }
        var count = LiquidValues.ListCount(container);
        for (var i = 0; i < count; i++)
        {
            if (AreEqual(LiquidValues.ElementAt(container, i), item))
            {
                return true;
            }
        }
        return false;
    }

    public static bool IsEmpty(object? value) => value switch
    {
        string text => text.Length == 0,
        JsonObject obj => obj.Count == 0,
        _ => LiquidValues.ListCount(value) == 0,
    };

    public static bool IsBlank(object? value) => value switch
    {
        null or false => true,
        string text => string.IsNullOrWhiteSpace(text),
        _ => IsEmpty(value),
    };

    private static bool ListsEqual(object left, object right)
    {
        var count = LiquidValues.ListCount(left);
        if (count < 0 || count != LiquidValues.ListCount(right))
        {
            return false;
        }
        for (var i = 0; i < count; i++)
        {
            if (!AreEqual(LiquidValues.ElementAt(left, i), LiquidValues.ElementAt(right, i)))
            {
                return false;
            }
        }
        return true;
    }
}
