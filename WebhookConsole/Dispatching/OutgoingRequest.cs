namespace WebhookConsole.Dispatching;

/// <summary>One HTTP request ready to send: rendered, signed, with every header.</summary>
internal sealed record OutgoingRequest(
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Body,
    TimeSpan Timeout);
