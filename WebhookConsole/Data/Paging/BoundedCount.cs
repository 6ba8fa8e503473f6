using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace WebhookConsole.Data.Paging;

/// <summary>
/// How many rows match, counted no further than a limit: a count reads every row it counts, so on a long history an
/// exact one costs far more than the page it goes with. <see cref="Counted"/> is exact when <see cref="More"/> is false;
/// otherwise more than <see cref="Counted"/> rows match.
/// </summary>
internal readonly record struct BoundedCount(int Counted, bool More)
{
    /// <summary>The rows of <paramref name="query"/>, counted up to <paramref name="limit"/> and one more to tell whether more follow.</summary>
    public static async Task<BoundedCount> OfAsync<T>(IQueryable<T> query, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var counted = await query.Take(limit + 1).CountAsync(cancellationToken);
        return counted > limit ? new BoundedCount(limit, More: true) : new BoundedCount(counted, More: false);
    }

    /// <summary>The total a pager is given: one past the rows counted when more follow, so its next page stays open.</summary>
    public int PagerTotal => More ? Counted + 1 : Counted;

    public override string ToString() =>
        More ? $"more than {Counted.ToString("N0", CultureInfo.InvariantCulture)}" : Counted.ToString("N0", CultureInfo.InvariantCulture);
}
