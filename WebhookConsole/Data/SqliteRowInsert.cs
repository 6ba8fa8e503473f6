using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WebhookConsole.Data;

/// <summary>
/// A prepared <c>INSERT</c> of every column of one entity type, built from the EF Core model, so it follows the
/// model as it changes. Values are read from the entity as EF Core would read them to save it.
/// </summary>
internal sealed class SqliteRowInsert : IDisposable
{
    private readonly SqliteStatement statement;
    private readonly IClrPropertyGetter[] getters;
    private readonly object?[] values;

    public SqliteRowInsert(SqliteConnection connection, IEntityType entityType)
    {
        var table = SqliteTable.Of(entityType);
        var columns = entityType.GetProperties().ToList();
        if (columns.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
        {
            throw new InvalidOperationException($"{entityType.DisplayName()}.{shadow.Name} is a shadow property; a row insert reads values from the entity.");
        }
        var placeholders = string.Join(", ", columns.Select((_, i) => "@p" + i));
        statement = new SqliteStatement(connection,
            $"INSERT INTO {SqliteTable.Quote(table.Name)} ({SqliteTable.ColumnList(columns, table)}) VALUES ({placeholders})", columns);
        getters = [.. columns.Select(p => p.GetGetter())];
        values = new object?[columns.Count];
    }

    public void Insert(object entity)
    {
        for (var i = 0; i < getters.Length; i++)
        {
            values[i] = getters[i].GetClrValueUsingContainingEntity(entity);
        }
        statement.Execute(values);
    }

    public void Dispose() => statement.Dispose();
}
