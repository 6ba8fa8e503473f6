using Microsoft.EntityFrameworkCore.Metadata;

namespace WebhookConsole.Data;

/// <summary>What a <see cref="SqliteWriter"/> transaction may do: insert entities, read one back, look for rows and run prepared statements.</summary>
internal sealed class SqliteWriteBatch(SqliteWriter writer)
{
    /// <summary>Inserts every column of <paramref name="entity"/>, as EF Core would for an added entity.</summary>
    public void Insert<TEntity>(TEntity entity)
        where TEntity : class =>
        writer.InsertOf(typeof(TEntity)).Insert(entity);

    /// <summary>The row of <typeparamref name="TEntity"/> whose key is <paramref name="key"/> as this transaction sees it, or null.</summary>
    public TEntity? Find<TEntity>(object key)
        where TEntity : class =>
        (TEntity?)writer.ReadOf(typeof(TEntity)).Find(key);

    /// <summary>
    /// Runs the query <paramref name="sql"/> (prepared on first use) with its parameters <c>@p0</c>, <c>@p1</c>...
    /// typed as the model properties <paramref name="parameters"/> names; true when it answers a row.
    /// </summary>
    public bool Any(string sql, Func<IModel, IReadOnlyList<IProperty>> parameters, params ReadOnlySpan<object?> values) =>
        writer.StatementOf(sql, parameters).ReadFirst(values, []);

    /// <summary>
    /// Runs <paramref name="sql"/> (prepared on first use) with its parameters <c>@p0</c>, <c>@p1</c>... typed as
    /// the model properties <paramref name="parameters"/> names; answers the rows changed.
    /// </summary>
    public int Execute(string sql, Func<IModel, IReadOnlyList<IProperty>> parameters, params ReadOnlySpan<object?> values) =>
        writer.StatementOf(sql, parameters).Execute(values);
}
