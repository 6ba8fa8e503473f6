using Microsoft.EntityFrameworkCore.Metadata;

namespace WebhookConsole.Data;

/// <summary>What a <see cref="SqliteWriter"/> transaction may do: insert entities and run prepared statements.</summary>
internal sealed class SqliteWriteBatch(SqliteWriter writer)
{
    /// <summary>Inserts every column of <paramref name="entity"/>, as EF Core would for an added entity.</summary>
    public void Insert<TEntity>(TEntity entity)
        where TEntity : class =>
        writer.InsertOf(typeof(TEntity)).Insert(entity);

    /// <summary>
    /// Runs <paramref name="sql"/> (prepared on first use) with its parameters <c>@p0</c>, <c>@p1</c>... typed as
    /// the model properties <paramref name="parameters"/> names; answers the rows changed.
    /// </summary>
    public int Execute(string sql, Func<IModel, IReadOnlyList<IProperty>> parameters, params ReadOnlySpan<object?> values) =>
        writer.StatementOf(sql, parameters).Execute(values);
}
