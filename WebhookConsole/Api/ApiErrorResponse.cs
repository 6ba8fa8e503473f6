namespace WebhookConsole.Api;

/// <summary>The WIRECLOUD error shape; <see cref="Data"/> is keyed by wire field name, then by rule.</summary>
internal sealed record ApiErrorResponse(
    string Error,
    string Message,
    IReadOnlyDictionary<string, Dictionary<string, string>> Data,
    string RequestId)
{
    public string Status => "error";
}
