namespace WebhookConsole.Features.EventTypes;

/// <summary>Every event named in the vendor documents, in catalogue order, each exactly once.</summary>
internal static class EventTypeSeeds
{
    public static IReadOnlyList<EventTypeSeed> All { get; } =
    [
        .. VoipappzEventTypes.All,
        .. WirecloudEventTypes.All,
        .. FrejunEventTypes.All,
        .. VolubileEventTypes.All,
        .. FreyavoiceEventTypes.All,
    ];
}
