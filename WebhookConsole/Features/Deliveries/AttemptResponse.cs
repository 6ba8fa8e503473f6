using System.Text.Json;
using WebhookConsole.Dispatching;

namespace WebhookConsole.Features.Deliveries;

/// <summary>One attempt on the wire.</summary>
internal sealed record AttemptResponse(
    Guid Id,
    Guid DeliveryId,
    Guid WebhookId,
    int Attempt,
    AttemptRequestResponse Request,
    int? StatusCode,
    IReadOnlyDictionary<string, string>? ResponseHeaders,
    string? ResponseBody,
    string? Error,
    int DurationMs,
    DateTime Created)
{
    public static AttemptResponse From(DeliveryAttempt a) => new(
        a.Id,
        a.DeliveryId,
        a.WebhookId,
        a.Number,
        new AttemptRequestResponse(a.RequestMethod, a.RequestUrl, Headers(a.RequestHeadersJson) ?? new Dictionary<string, string>(), a.RequestBody),
        a.StatusCode,
        Headers(a.ResponseHeadersJson),
        a.ResponseBody,
        a.Error,
        a.DurationMs,
        a.CreatedAt);

    // Masked again on the way out, as the console does: the request's headers were masked when stored, by the rule of
    // that day; the receiver's answer is stored whole (a Set-Cookie of its session, say).
    private static Dictionary<string, string>? Headers(string? json) =>
        string.IsNullOrEmpty(json)
            ? null
            : JsonSerializer.Deserialize<Dictionary<string, string>>(json)!.ToDictionary(h => h.Key, h => HeaderMasking.Value(h.Key, h.Value));
}
