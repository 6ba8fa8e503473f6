namespace WebhookConsole.Features.EventTypes;

/// <summary>
/// WIRECLOUD's call hooks. The samples follow one call; <c>timestamp</c> is in Gregorian seconds
/// (seconds since year 0), as WIRECLOUD sends it.
/// </summary>
internal static class WirecloudEventTypes
{
    private const string Source = "WIRECLOUD";

    public static IEnumerable<EventTypeSeed> All { get; } =
    [
        new("channel_create", "New channel: a new call has started on the account.", Source, """
            {
              "call_direction": "inbound",
              "timestamp": 63557035175,
              "account_id": "3a5d9f0c2b7e4c1d8e6f0a9b1c2d3e4f",
              "request": "*97@www.wirecloud.de",
              "to": "*97@www.wirecloud.de",
              "from": "user_37ccch@www.wirecloud.de",
              "call_id": "4922199999936@88.99.77.55",
              "hook_event": "channel_create"
            }
            """),
        new("channel_answer", "Answered channel: the called party has answered the call.", Source, """
            {
              "call_direction": "inbound",
              "timestamp": 63557035179,
              "account_id": "3a5d9f0c2b7e4c1d8e6f0a9b1c2d3e4f",
              "request": "*97@www.wirecloud.de",
              "to": "*97@www.wirecloud.de",
              "from": "user_37ccch@www.wirecloud.de",
              "call_id": "4922199999936@88.99.77.55",
              "hook_event": "channel_answer"
            }
            """),
        new("channel_destroy", "Hungup channel: the call has been hung up.", Source, """
            {
              "call_direction": "inbound",
              "timestamp": 63557035241,
              "account_id": "3a5d9f0c2b7e4c1d8e6f0a9b1c2d3e4f",
              "request": "*97@www.wirecloud.de",
              "to": "*97@www.wirecloud.de",
              "from": "user_37ccch@www.wirecloud.de",
              "call_id": "4922199999936@88.99.77.55",
              "hook_event": "channel_destroy"
            }
            """),
    ];
}
