using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WebhookConsole.Data;

/// <summary>
/// A prepared <c>SELECT</c> of every column of one entity type by its key, built from the EF Core model as
/// <see cref="SqliteRowInsert"/> builds its insert: lets a <see cref="SqliteWriter"/> transaction read a row it has
/// just changed, on its own connection, before it commits. The entity is a new, untracked object.
/// </summary>
internal sealed class SqliteRowRead : IDisposable
{
    private readonly SqliteStatement statement;
    private readonly Type clrType;
    private readonly PropertyInfo[] setters;
    private readonly object?[] row;

    public SqliteRowRead(SqliteConnection connection, IEntityType entityType)
    {
        var table = SqliteTable.Of(entityType);
        var key = entityType.FindPrimaryKey()?.Properties is [var single] ? single
            : throw new InvalidOperationException($"{entityType.DisplayName()} has no single-column key to read a row by.");
        var columns = entityType.GetProperties().ToList();
        if (columns.FirstOrDefault(p => p.PropertyInfo?.SetMethod is null) is { } unsettable)
        {
            throw new InvalidOperationException($"{entityType.DisplayName()}.{unsettable.Name} has no property setter; a row read sets values on the entity.");
        }
        statement = new SqliteStatement(connection,
            $"SELECT {SqliteTable.ColumnList(columns, table)} FROM {SqliteTable.Quote(table.Name)} WHERE {SqliteTable.Quote(key.GetColumnName(table)!)} = @p0",
            [key], columns);
        clrType = entityType.ClrType;
        setters = [.. columns.Select(p => p.PropertyInfo!)];
        row = new object?[columns.Count];
    }

    /// <summary>The row whose key is <paramref name="key"/>, or null when there is none.</summary>
    public object? Find(object key)
    {
        if (!statement.ReadFirst([key], row))
        {
            return null;
        }
        var entity = Activator.CreateInstance(clrType)!;
        for (var i = 0; i < setters.Length; i++)
        {
            setters[i].SetValue(entity, row[i]);
        }
        return entity;
    }

    public void Dispose() => statement.Dispose();
}
