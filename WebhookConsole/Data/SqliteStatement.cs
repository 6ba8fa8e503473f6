using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace WebhookConsole.Data;

/// <summary>
/// One SQL statement prepared once on the <see cref="SqliteWriter"/>'s connection and run many times, bound by
/// position straight through SQLite's C API. Its parameters <c>@p0</c>, <c>@p1</c>... stand for model properties:
/// a value goes through the property's EF Core value converter and is then stored as Microsoft.Data.Sqlite stores
/// it for EF Core (a Guid as upper-case text, a DateTime as <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> text, an enum or a
/// bool as an integer), so the app's queries find it.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;
    private readonly ValueConverter?[] converters;
    private readonly IReadOnlyList<IProperty> columns;

    /// <param name="columns">For a query, the model properties its columns hold, in order; none for a write.</param>
    public SqliteStatement(SqliteConnection connection, string sql, IReadOnlyList<IProperty> parameters, IReadOnlyList<IProperty>? columns = null)
    {
        this.columns = columns ?? [];
        db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(db, sql, out statement));
        var count = raw.sqlite3_bind_parameter_count(statement);
        if (count != parameters.Count)
        {
            statement.Dispose();
            throw new ArgumentException($"The statement has {count} parameters, not {parameters.Count}.", nameof(parameters));
        }
        converters = [.. parameters.Select(p => p.GetTypeMapping().Converter)];
        foreach (var property in parameters.Concat(this.columns))
        {
            var stored = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
            if (!IsSupported(Nullable.GetUnderlyingType(stored) ?? stored))
            {
                statement.Dispose();
                throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} is stored as {stored.Name}, which the writer does not bind or read.");
            }
        }
    }

    /// <summary>Runs the statement with one value per parameter, in the transaction open on the connection; the rows it changed.</summary>
    public int Execute(params ReadOnlySpan<object?> values)
    {
        try
        {
            BindAll(values);
            var result = raw.sqlite3_step(statement);
            if (result != raw.SQLITE_DONE)
            {
                Check(result);
            }
            return raw.sqlite3_changes(db);
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    /// <summary>
    /// Runs the query with one value per parameter and reads its first row into <paramref name="row"/>, each column
    /// as its model property stores it, converted back as EF Core reads it; false when the query answers no row.
    /// </summary>
    public bool ReadFirst(ReadOnlySpan<object?> values, object?[] row)
    {
        try
        {
            BindAll(values);
            var result = raw.sqlite3_step(statement);
            if (result != raw.SQLITE_ROW)
            {
                Check(result);
                return false;
            }
            for (var i = 0; i < columns.Count; i++)
            {
                row[i] = SqliteColumn.Read(statement, i, columns[i]);
            }
            return true;
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    private void BindAll(ReadOnlySpan<object?> values)
    {
        if (values.Length != converters.Length)
        {
            throw new ArgumentException($"The statement takes {converters.Length} values, not {values.Length}.", nameof(values));
        }
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (value is not null && converters[i] is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }
            Check(Bind(i + 1, value));
        }
    }

    private int Bind(int index, object? value)
    {
        switch (value)
        {
            case null:
                return raw.sqlite3_bind_null(statement, index);
            case string text:
                return raw.sqlite3_bind_text16(statement, index, text);
            case Guid guid:
            {
                Span<byte> utf8 = stackalloc byte[36];
                guid.TryFormat(utf8, out _, "D");
                for (var i = 0; i < utf8.Length; i++)
                {
                    if (utf8[i] is >= (byte)'a' and <= (byte)'f')
                    {
                        utf8[i] -= 'a' - 'A';
                    }
                }
                return raw.sqlite3_bind_text(statement, index, utf8);
            }
            case DateTime dateTime:
            {
                Span<byte> utf8 = stackalloc byte[32];
                dateTime.TryFormat(utf8, out var written, DateTimeFormat, CultureInfo.InvariantCulture);
                return raw.sqlite3_bind_text(statement, index, utf8[..written]);
            }
            case bool flag:
                return raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0);
            case Enum:
                return raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case int or long or short or byte or uint or ushort or sbyte:
                return raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case double or float:
                return raw.sqlite3_bind_double(statement, index, Convert.ToDouble(value, CultureInfo.InvariantCulture));
            case byte[] blob:
                return raw.sqlite3_bind_blob(statement, index, blob);
            default:
                throw new NotSupportedException($"The writer does not bind {value.GetType().Name} values.");
        }
    }

    private static bool IsSupported(Type type) =>
        type == typeof(string) || type == typeof(Guid) || type == typeof(DateTime) || type == typeof(bool) || type.IsEnum
        || type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(uint)
        || type == typeof(ushort) || type == typeof(sbyte) || type == typeof(double) || type == typeof(float) || type == typeof(byte[]);

    /// <summary>An SQLite error as Microsoft.Data.Sqlite reports it.</summary>
    private void Check(int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            throw new SqliteException($"SQLite Error {result}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", result, raw.sqlite3_extended_errcode(db));
        }
    }

    public void Dispose() => statement.Dispose();
}
