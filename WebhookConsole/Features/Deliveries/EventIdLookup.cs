namespace WebhookConsole.Features.Deliveries;

/// <summary>How a query of the history filtered by event id finds the deliveries of the matching events.</summary>
internal enum EventIdLookup
{
    /// <summary>
    /// From the matching events to their deliveries: a few index probes per event, then the matches are sorted. Best
    /// when few events match (a whole id, a long prefix), and for counting and bulk work, which read every match anyway.
    /// </summary>
    FromEvents,

    /// <summary>
    /// Along the account's history newest first, looking up each delivery's event: stops after a page of matches. Best
    /// for a page when many events match (a short prefix), and for checking a few known deliveries.
    /// </summary>
    AlongHistory,
}
