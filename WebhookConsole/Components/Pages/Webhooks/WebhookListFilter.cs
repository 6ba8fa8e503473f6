namespace WebhookConsole.Components.Pages.Webhooks;

/// <summary>
/// What the webhooks page filters by, as its query string holds it: <c>q</c> (a part of the URL, name or event),
/// <c>event</c> and <c>status</c> (<c>enabled</c> or <c>disabled</c>). An empty value means "any".
/// </summary>
public sealed record WebhookListFilter(string? Search, string Event, string Status)
{
    public const string AnyEvent = "";
    public const string AnyStatus = "";
    public const string Enabled = "enabled";
    public const string Disabled = "disabled";

    public static WebhookListFilter None { get; } = new(null, AnyEvent, AnyStatus);

    /// <summary>A status the page does not know (an address edited by hand) is any status.</summary>
    public static WebhookListFilter Parse(string? search, string? eventType, string? status) =>
        new(search, eventType ?? AnyEvent, status is Enabled or Disabled ? status : AnyStatus);

    public bool Any => !string.IsNullOrWhiteSpace(Search) || Event != AnyEvent || Status != AnyStatus;

    public bool Matches(WebhookRow webhook)
    {
        var term = Search?.Trim() ?? "";
        return (term.Length == 0
                || webhook.Url.Contains(term, StringComparison.OrdinalIgnoreCase)
                || webhook.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                || webhook.EventType.Contains(term, StringComparison.OrdinalIgnoreCase))
            && (Event == AnyEvent || webhook.EventType == Event)
            && Status switch
            {
                Enabled => webhook.Enabled,
                Disabled => !webhook.Enabled,
                _ => true,
            };
    }

    public Dictionary<string, object?> ToQuery() => new()
    {
        ["q"] = string.IsNullOrWhiteSpace(Search) ? null : Search,
        ["event"] = Event == AnyEvent ? null : Event,
        ["status"] = Status == AnyStatus ? null : Status,
    };
}
