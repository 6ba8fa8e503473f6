using WebhookConsole.Data;
using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Dispatching;

/// <summary>The deliveries waiting for an attempt in the database, for the recovery sweep and the dispatcher's backlog.</summary>
internal static class DueDeliveries
{
    /// <summary>
    /// Up to <paramref name="limit"/> due, unleased deliveries, oldest first. The bound on <c>NextAttemptAt</c> also
    /// lets the database read them from <c>IX_Deliveries_NextAttemptAt</c>, which holds only deliveries with a next attempt.
    /// </summary>
    public static IQueryable<Guid> Query(AppDbContext db, DateTime dueBefore, DateTime now, int limit) =>
        db.Deliveries
            .Where(d => (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Retrying)
                && d.NextAttemptAt <= dueBefore
                && (d.LeaseUntil == null || d.LeaseUntil < now))
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => d.Id)
            .Take(limit);
}
