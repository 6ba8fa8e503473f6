using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WebhookConsole.Data;

/// <summary>The table of an entity type and its columns, named as SQL names them, for the statements built from the model.</summary>
internal static class SqliteTable
{
    /// <summary>The table <paramref name="entityType"/> is mapped to.</summary>
    public static StoreObjectIdentifier Of(IEntityType entityType) =>
        StoreObjectIdentifier.Table(
            entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table."),
            entityType.GetSchema());

    /// <summary>The columns of <paramref name="properties"/> in <paramref name="table"/>, quoted, comma-separated.</summary>
    public static string ColumnList(IEnumerable<IProperty> properties, StoreObjectIdentifier table) =>
        string.Join(", ", properties.Select(p => Quote(p.GetColumnName(table)!)));

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
