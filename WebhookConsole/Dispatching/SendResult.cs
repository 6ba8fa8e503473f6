namespace WebhookConsole.Dispatching;

/// <summary>
/// What came back for one request: a response, or the error that stopped it; both when the response broke off after
/// its status line (a failure, whatever the status).
/// </summary>
internal sealed record SendResult(
    int? StatusCode,
    IReadOnlyDictionary<string, string>? ResponseHeaders,
    string? ResponseBody,
    string? Error,
    int DurationMs,
    TimeSpan? RetryAfter)
{
    public bool Succeeded => StatusCode is >= 200 and < 300 && Error is null;
}
