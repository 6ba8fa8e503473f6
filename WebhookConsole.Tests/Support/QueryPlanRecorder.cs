using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WebhookConsole.Tests.Support;

/// <summary>
/// SQLite's <c>EXPLAIN QUERY PLAN</c> of every query EF Core runs inside <see cref="RecordAsync"/>'s work (in its async
/// flow only, so the app's background work adds nothing), asked on the same connection with the same parameters just
/// before the query runs. Served among the app's interceptors, it checks a whole service rather than one query.
/// </summary>
public sealed class QueryPlanRecorder : DbCommandInterceptor
{
    private readonly AsyncLocal<List<IReadOnlyList<string>>?> current = new();

    public async Task<List<IReadOnlyList<string>>> RecordAsync(Func<Task> work)
    {
        var plans = new List<IReadOnlyList<string>>();
        current.Value = plans;
        try
        {
            await work();
        }
        finally
        {
            current.Value = null;
        }
        return plans;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (current.Value is { } plans)
        {
            plans.Add(await ExplainAsync(command, cancellationToken));
        }
        return result;
    }

    private static async Task<IReadOnlyList<string>> ExplainAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var explain = command.Connection!.CreateCommand();
        explain.Transaction = command.Transaction;
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        foreach (SqliteParameter parameter in command.Parameters)
        {
            explain.Parameters.Add(new SqliteParameter(parameter.ParameterName, parameter.Value) { SqliteType = parameter.SqliteType });
        }
        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // Columns: id, parent, notused, detail.
            steps.Add(reader.GetString(3));
        }
        return steps;
    }
}
