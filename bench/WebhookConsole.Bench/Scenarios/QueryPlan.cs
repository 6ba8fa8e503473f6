using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace WebhookConsole.Bench.Scenarios;

/// <summary>SQLite's <c>EXPLAIN QUERY PLAN</c> of the very SQL and parameters EF Core sends for a query (the plan tests compile it too).</summary>
internal static class QueryPlan
{
    public static async Task<IReadOnlyList<string>> ExplainAsync<T>(DbContext db, IQueryable<T> query)
    {
        await using DbCommand command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        try
        {
            var steps = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                // Columns: id, parent, notused, detail.
                steps.Add(reader.GetString(3));
            }
            return steps;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
