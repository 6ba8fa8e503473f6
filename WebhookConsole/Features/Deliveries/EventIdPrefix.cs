using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;
using WebhookConsole.Features.Events;

namespace WebhookConsole.Features.Deliveries;

/// <summary>The history's filter by the start of the public event id: which events match, and how to reach their deliveries.</summary>
internal static class EventIdPrefix
{
    /// <summary>Up to this many matching events a page is read from the events: some tens of thousands of deliveries.</summary>
    public const int FewEvents = 10_000;

    /// <summary>The account's events whose id starts with the text, as a range on the (account, event id) index.</summary>
    public static IQueryable<CallEvent> Events(AppDbContext db, Guid accountId, string text)
    {
        var (from, to) = Range(text);
        return db.Events.Where(e => e.AccountId == accountId && string.Compare(e.EventId, from) >= 0 && string.Compare(e.EventId, to) < 0);
    }

    /// <summary>The ids that start with the text are those from it up to it followed by the last character.</summary>
    public static (string From, string To) Range(string text)
    {
        var from = text.Trim();
        return (from, from + char.MaxValue);
    }

    /// <summary>
    /// How a page is best read: from the events when at most <see cref="FewEvents"/> match (a bounded count on the
    /// events' index), else along the history, which then soon finds a page of matches.
    /// </summary>
    public static async Task<EventIdLookup> LookupForPageAsync(AppDbContext db, Guid accountId, string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return EventIdLookup.FromEvents;
        }
        var matching = await Events(db, accountId, text).Take(FewEvents + 1).CountAsync(cancellationToken);
        return matching <= FewEvents ? EventIdLookup.FromEvents : EventIdLookup.AlongHistory;
    }
}
