using System.Globalization;
using System.Text;

namespace WebhookConsole.Tests.Api;

/// <summary>
/// Random JSON texts for fuzzing: any type at any depth, huge strings and numbers, control characters and
/// odd Unicode (half a surrogate pair too); sometimes plausible request fields, sometimes broken JSON. A quarter of
/// the objects start from <c>validFields</c> (a valid request's fields), so success paths are exercised too.
/// </summary>
internal sealed class RandomJson(Random random, IReadOnlyList<string> fieldNames, IReadOnlyList<string> plausibleStrings, string validFields)
{
    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "3", "10", "11", "-1", "60", "61", "2.5", "1e1", "1E400", "-1e400", "1e-400",
        "123456789012345678901234567890", "9223372036854775808", "2147483648", "0.0000001",
    ];

    private const string Specials = "\"{}[]:,\\/ \u2028\uFEFF";

    /// <summary>A request body: mostly a <c>{"data": {...}}</c> envelope, sometimes anything at all.</summary>
    public string Body()
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 80 => "{\"data\": " + DataObject() + "}",
            < 85 => "{\"data\": " + Value(0) + "}",
            < 90 => "{\"data\": " + DataObject() + ", " + Quote(Text()) + ": " + Value(2) + "}",
            < 95 => Value(0),
            _ => Garble("{\"data\": " + DataObject() + "}"),
        };
    }

    private string DataObject()
    {
        var valid = random.Next(4) == 0;
        var fields = valid ? [validFields] : new List<string>();
        var count = valid ? random.Next(0, 2) : random.Next(0, 8);
        for (var i = 0; i < count; i++)
        {
            var name = random.Next(10) < 8 ? fieldNames[random.Next(fieldNames.Count)] : Text();
            var value = random.Next(2) == 0 ? Quote(plausibleStrings[random.Next(plausibleStrings.Count)]) : Value(1);
            fields.Add(Quote(name) + ": " + value);
        }
        return "{" + string.Join(", ", fields) + "}";
    }

    private string Value(int depth)
    {
        var max = depth > 4 ? 5 : 8;
        return random.Next(max) switch
        {
            0 => "null",
            1 => random.Next(2) == 0 ? "true" : "false",
            2 => Numbers[random.Next(Numbers.Length)],
            3 => random.NextDouble().ToString("R", CultureInfo.InvariantCulture),
            4 => Quote(Text()),
            5 => "[" + string.Join(", ", Enumerable.Range(0, random.Next(4)).Select(_ => Value(depth + 1))) + "]",
            _ => "{" + string.Join(", ", Enumerable.Range(0, random.Next(4)).Select(_ => Quote(Text()) + ": " + Value(depth + 1))) + "}",
        };
    }

    private string Text()
    {
        var length = random.Next(20) == 0 ? random.Next(10_000, 100_000) : random.Next(0, 24);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(10) switch
            {
                0 => ((char)random.Next(0, 32)).ToString(),
                1 => NonAscii(),
                2 => Specials[random.Next(Specials.Length)].ToString(),
                _ => ((char)random.Next('0', 'z')).ToString(),
            });
        }
        return builder.ToString();
    }

    /// <summary>A character beyond ASCII; now and then one outside the BMP (a surrogate pair), or half of one.</summary>
    private string NonAscii() => random.Next(20) switch
    {
        // JSON's grammar allows half a pair; no reader of the text can take it.
        0 => ((char)random.Next(0xD800, 0xE000)).ToString(),
        1 or 2 => "\U0001F600",
        _ => ((char)random.Next(0x80, 0x800)).ToString(),
    };

    /// <summary>A JSON string literal; control characters mostly escaped, sometimes raw (which is invalid JSON).</summary>
    private string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < 32 && random.Next(50) != 0)
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else if (char.IsSurrogate(c))
            {
                // Escaped as such, so a whole pair stays whole and half of one reaches the server as JSON allows it.
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.Append('"').ToString();
    }

    private string Garble(string text) => random.Next(3) switch
    {
        0 => text[..random.Next(text.Length)],
        1 => text.Insert(random.Next(text.Length), ",,"),
        _ => text.Replace(':', '='),
    };
}
