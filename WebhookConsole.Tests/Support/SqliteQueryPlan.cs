using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;

namespace WebhookConsole.Tests.Support;

/// <summary>How SQLite runs a query of the app: the steps of its <c>EXPLAIN QUERY PLAN</c>.</summary>
internal static class SqliteQueryPlan
{
    /// <summary>SQLite's <c>EXPLAIN QUERY PLAN</c> of the SQL and parameters EF Core sends for <paramref name="query"/>.</summary>
    internal static async Task<List<string>> ExplainAsync<T>(AppDbContext db, IQueryable<T> query)
    {
        await using DbCommand command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }
        return steps;
    }
}
