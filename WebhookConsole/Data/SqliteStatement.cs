using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace WebhookConsole.Data;

/// <summary>
/// One SQL statement prepared once on the <see cref="SqliteWriter"/>'s connection and run many times. Its
/// parameters <c>@p0</c>, <c>@p1</c>... are bound through the EF Core type mappings of the properties they stand
/// for, so a value is stored exactly as EF Core stores it (a Guid's text, a UTC DateTime's format, an enum's number)
/// and the app's queries find it.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly SqliteCommand command;
    private readonly RelationalTypeMapping[] mappings;

    public SqliteStatement(SqliteConnection connection, string sql, IReadOnlyList<IProperty> parameters)
    {
        command = connection.CreateCommand();
        command.CommandText = sql;
        mappings = new RelationalTypeMapping[parameters.Count];
        for (var i = 0; i < parameters.Count; i++)
        {
            mappings[i] = parameters[i].GetRelationalTypeMapping();
            command.Parameters.Add(mappings[i].CreateParameter(command, "@p" + i, null, parameters[i].IsNullable));
        }
        command.Prepare();
    }

    /// <summary>Runs the statement in <paramref name="transaction"/> with one value per parameter; the rows it changed.</summary>
    public int Execute(SqliteTransaction transaction, params ReadOnlySpan<object?> values)
    {
        if (values.Length != mappings.Length)
        {
            throw new ArgumentException($"The statement takes {mappings.Length} values, not {values.Length}.", nameof(values));
        }
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = ToProvider(mappings[i], values[i]);
        }
        command.Transaction = transaction;
        return command.ExecuteNonQuery();
    }

    private static object ToProvider(RelationalTypeMapping mapping, object? value)
    {
        if (value is null)
        {
            return DBNull.Value;
        }
        if (mapping.Converter is { } converter)
        {
            return converter.ConvertToProvider(value) ?? DBNull.Value;
        }
        return value.GetType().IsEnum ? Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType())) : value;
    }

    public void Dispose() => command.Dispose();
}
