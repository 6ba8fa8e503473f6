using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>
/// Liquid arithmetic. Numbers are decimals, so that money adds up exactly; a number beyond
/// decimal's range falls back to double. Nothing here throws on odd input: Liquid treats a
/// non-number as 0, and an impossible result (division by zero, overflow to infinity) is nil.
/// </summary>
internal static class LiquidNumbers
{
    public static bool IsNumber(object? value) => value is decimal or double or JsonValue;

    /// <summary>Liquid's to_number: numbers as they are, numeric text parsed, anything else 0.</summary>
    public static object ToNumber(object? value) => value switch
    {
        decimal or double => value,
        JsonValue json => FromJson(json),
        string text => Parse(text.Trim()) ?? 0m,
        _ => 0m,
    };

    /// <summary>A decimal, or a double when the text is out of decimal's range; null when it is no number.</summary>
    public static object? Parse(string text)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            return exact;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
        {
            return real;
        }
        return null;
    }

    public static bool TryGetInteger(object? value, out long integer)
    {
        integer = 0;
        if (!IsNumber(value) || ToNumber(value) is not decimal exact || exact != decimal.Truncate(exact)
            || exact < long.MinValue || exact > long.MaxValue)
        {
            return false;
        }
        integer = (long)exact;
        return true;
    }

    /// <summary>The whole part, clamped to int, of any value (Liquid's to_i); 0 for a non-number.</summary>
    public static int ToInt(object? value)
    {
        var number = ToNumber(value);
        var real = number is decimal exact ? (double)decimal.Truncate(exact) : Math.Truncate((double)number);
        return double.IsNaN(real) ? 0 : (int)Math.Clamp(real, int.MinValue, int.MaxValue);
    }

    public static int Compare(object left, object right)
    {
        var a = ToNumber(left);
        var b = ToNumber(right);
        return a is decimal x && b is decimal y ? x.CompareTo(y) : ToDouble(a).CompareTo(ToDouble(b));
    }

    public static object? Arithmetic(object? left, object? right, char operation)
    {
        var a = ToNumber(left);
        var b = ToNumber(right);
        if (a is decimal x && b is decimal y)
        {
            try
            {
                return operation switch
                {
                    '+' => x + y,
                    '-' => x - y,
                    '*' => x * y,
                    '/' when y == 0 => null,
                    // Integer division floors, as in Liquid; with a decimal point it is a true division.
                    '/' => x.Scale == 0 && y.Scale == 0 ? decimal.Floor(x / y) : x / y,
                    '%' when y == 0 => null,
                    _ => x - (y * decimal.Floor(x / y)),
                };
            }
            catch (OverflowException)
            {
                // Falls through to double arithmetic.
            }
        }
        var p = ToDouble(a);
        var q = ToDouble(b);
        var result = operation switch
        {
            '+' => p + q,
            '-' => p - q,
            '*' => p * q,
            '/' => p / q,
            _ => p - (q * Math.Floor(p / q)),
        };
        return double.IsFinite(result) ? result : null;
    }

    private static double ToDouble(object number) => number is decimal exact ? (double)exact : (double)number;

    private static object FromJson(JsonValue json)
    {
        if (json.TryGetValue<JsonElement>(out var element))
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var exact))
            {
                return exact;
            }
            return element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var real) && double.IsFinite(real) ? real : 0m;
        }
        return Parse(LiquidValues.ToText(json)) ?? 0m;
    }
}
