using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace WebhookConsole.Data;

/// <summary>
/// Reads a column of a <see cref="SqliteStatement"/>'s row back from what the statement stores for a model
/// property (a Guid as text, a DateTime as text, an enum or a bool as an integer), then through the property's
/// EF Core value converter, as EF Core reads it.
/// </summary>
internal static class SqliteColumn
{
    /// <summary>Column <paramref name="index"/> of the statement's current row, as <paramref name="property"/> stores it.</summary>
    public static object? Read(sqlite3_stmt statement, int index, IProperty property)
    {
        if (raw.sqlite3_column_type(statement, index) == raw.SQLITE_NULL)
        {
            return null;
        }
        var converter = property.GetTypeMapping().Converter;
        var stored = converter?.ProviderClrType ?? property.ClrType;
        stored = Nullable.GetUnderlyingType(stored) ?? stored;
        object value;
        if (stored == typeof(string))
        {
            value = raw.sqlite3_column_text(statement, index).utf8_to_string();
        }
        else if (stored == typeof(Guid))
        {
            value = Guid.Parse(raw.sqlite3_column_text(statement, index).utf8_to_string());
        }
        else if (stored == typeof(DateTime))
        {
            // As Microsoft.Data.Sqlite reads a DateTime stored as text; the property's converter marks it UTC.
            value = DateTime.Parse(raw.sqlite3_column_text(statement, index).utf8_to_string(), CultureInfo.InvariantCulture);
        }
        else if (stored == typeof(bool))
        {
            value = raw.sqlite3_column_int64(statement, index) != 0;
        }
        else if (stored.IsEnum)
        {
            value = Enum.ToObject(stored, raw.sqlite3_column_int64(statement, index));
        }
        else if (stored == typeof(double) || stored == typeof(float))
        {
            value = Convert.ChangeType(raw.sqlite3_column_double(statement, index), stored, CultureInfo.InvariantCulture);
        }
        else if (stored == typeof(byte[]))
        {
            value = raw.sqlite3_column_blob(statement, index).ToArray();
        }
        else
        {
            value = Convert.ChangeType(raw.sqlite3_column_int64(statement, index), stored, CultureInfo.InvariantCulture);
        }
        return converter is null ? value : converter.ConvertFromProvider(value);
    }
}
