using System.Globalization;
using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Components.Pages.Deliveries;

/// <summary>The history's filters as the inputs and the query string hold them; times are UTC.</summary>
public sealed class DeliveryFilterState
{
    public const string TimeFormat = "yyyy-MM-ddTHH:mm";

    public Guid? WebhookId { get; set; }
    public string? EventType { get; set; }
    public Guid? EnvironmentId { get; set; }
    public DeliveryStatus? Status { get; set; }
    public DateTime? Since { get; set; }
    public DateTime? Until { get; set; }
    public string? EventId { get; set; }
    /// <summary>True: test sends only; false: none of them; null: all deliveries.</summary>
    public bool? Test { get; set; }

    public bool Any => WebhookId is not null || EventType is not null || EnvironmentId is not null || Status is not null
        || Since is not null || Until is not null || !string.IsNullOrWhiteSpace(EventId) || Test is not null;

    /// <summary>The test-send choice as the filter bar and the query string name it: <c>all</c>, <c>only</c> or <c>none</c>.</summary>
    public string TestChoice
    {
        get => Test switch { true => "only", false => "none", null => "all" };
        set => Test = value switch { "only" => true, "none" => false, _ => null };
    }

    public static DeliveryFilterState Parse(string? webhook, string? eventType, string? environment, string? status,
        string? since, string? until, string? eventId, string? test = null) => new()
    {
        WebhookId = Guid.TryParse(webhook, out var webhookId) ? webhookId : null,
        EventType = string.IsNullOrWhiteSpace(eventType) ? null : eventType,
        EnvironmentId = Guid.TryParse(environment, out var environmentId) ? environmentId : null,
        Status = DeliveryStatusNames.TryParse(status, out var parsed) ? parsed : null,
        Since = ParseTime(since),
        Until = ParseTime(until),
        EventId = string.IsNullOrWhiteSpace(eventId) ? null : eventId.Trim(),
        TestChoice = test ?? "all",
    };

    internal DeliveryFilter ToFilter() => new(Status, WebhookId, EventType, Since, Until, EnvironmentId, EventId, Test);

    public Dictionary<string, object?> ToQuery() => new()
    {
        ["webhook"] = WebhookId?.ToString(),
        ["event"] = EventType,
        ["environment"] = EnvironmentId?.ToString(),
        ["status"] = Status?.ToString().ToLowerInvariant(),
        ["since"] = FormatTime(Since),
        ["until"] = FormatTime(Until),
        ["q"] = string.IsNullOrWhiteSpace(EventId) ? null : EventId.Trim(),
        ["test"] = Test is null ? null : TestChoice,
    };

    public static string? FormatTime(DateTime? time) => time?.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTime? ParseTime(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}
