using System.Globalization;
using System.Text;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>
/// The date filter with strftime formats (%Y-%m-%d, %H:%M:%S, %b, %A, %s...). Its input is an ISO 8601 text, a
/// Unix time in seconds, or "now"; anything else is returned unchanged, as Liquid does.
/// </summary>
internal static class LiquidDateFilter
{
    public static LiquidFilter Filter { get; } = new("date", 1, 1, Apply);

    private static DateTimeFormatInfo Names => CultureInfo.InvariantCulture.DateTimeFormat;

    private static object? Apply(object? input, object?[] args)
    {
        var format = LiquidValues.ToText(args[0]);
        return format.Length > 0 && TryGetDate(input, out var date) ? Format(date, format) : input;
    }

    private static bool TryGetDate(object? input, out DateTimeOffset date)
    {
        date = default;
        if (input is "now" or "today")
        {
            date = DateTimeOffset.UtcNow;
            return true;
        }
        if (input is string text && !text.All(char.IsAsciiDigit))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
        }
        if (!LiquidNumbers.IsNumber(input) && input is not string)
        {
            return false;
        }
        var seconds = LiquidNumbers.ToNumber(input) is decimal exact ? (double)exact : (double)LiquidNumbers.ToNumber(input);
        var milliseconds = Math.Round(seconds * 1000);
        if (double.IsNaN(milliseconds) || milliseconds < -62_135_596_800_000 || milliseconds > 253_402_300_799_000)
        {
            return false;
        }
        date = DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
        return true;
    }

    private static string Format(DateTimeOffset date, string format)
    {
        var text = new StringBuilder(format.Length + 16);
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length)
            {
                text.Append(format[i]);
                continue;
            }
            var unpadded = format[i + 1] == '-';
            var at = unpadded ? i + 2 : i + 1;
            if (at >= format.Length || !AppendField(text, date, format[at], unpadded))
            {
                text.Append('%');
                continue;
            }
            i = at;
        }
        return text.ToString();
    }

    private static bool AppendField(StringBuilder text, DateTimeOffset date, char field, bool unpadded)
    {
        var hour12 = date.Hour % 12 == 0 ? 12 : date.Hour % 12;
        var value = field switch
        {
            'Y' => date.Year.ToString(CultureInfo.InvariantCulture),
            'C' => Number(date.Year / 100, 2, '0', unpadded),
            'y' => Number(date.Year % 100, 2, '0', unpadded),
            'm' => Number(date.Month, 2, '0', unpadded),
            'd' => Number(date.Day, 2, '0', unpadded),
            'e' => Number(date.Day, 2, ' ', unpadded),
            'j' => Number(date.DayOfYear, 3, '0', unpadded),
            'H' => Number(date.Hour, 2, '0', unpadded),
            'k' => Number(date.Hour, 2, ' ', unpadded),
            'I' => Number(hour12, 2, '0', unpadded),
            'l' => Number(hour12, 2, ' ', unpadded),
            'M' => Number(date.Minute, 2, '0', unpadded),
            'S' => Number(date.Second, 2, '0', unpadded),
            'L' => Number(date.Millisecond, 3, '0', unpadded),
            'N' => Number((int)(date.Ticks % TimeSpan.TicksPerSecond) * 100, 9, '0', unpadded),
            'p' => date.Hour < 12 ? "AM" : "PM",
            'P' => date.Hour < 12 ? "am" : "pm",
            'A' => Names.GetDayName(date.DayOfWeek),
            'a' => Names.GetAbbreviatedDayName(date.DayOfWeek),
            'B' => Names.GetMonthName(date.Month),
            'b' or 'h' => Names.GetAbbreviatedMonthName(date.Month),
            'u' => date.DayOfWeek == DayOfWeek.Sunday ? "7" : ((int)date.DayOfWeek).ToString(CultureInfo.InvariantCulture),
            'w' => ((int)date.DayOfWeek).ToString(CultureInfo.InvariantCulture),
            's' => date.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            'z' => date.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal),
            'Z' => date.Offset == TimeSpan.Zero ? "UTC" : date.ToString("zzz", CultureInfo.InvariantCulture),
            'F' => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            'T' => date.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            'R' => date.ToString("HH:mm", CultureInfo.InvariantCulture),
            'D' => date.ToString("MM/dd/yy", CultureInfo.InvariantCulture),
            'c' => Format(date, "%a %b %e %H:%M:%S %Y"),
            '%' => "%",
            _ => null,
        };
        text.Append(value);
        return value is not null;
    }

    private static string Number(int value, int width, char pad, bool unpadded)
    {
        var digits = value.ToString(CultureInfo.InvariantCulture);
        return unpadded ? digits : digits.PadLeft(width, pad);
    }
}
