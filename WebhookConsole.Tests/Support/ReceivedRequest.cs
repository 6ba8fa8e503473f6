namespace WebhookConsole.Tests.Support;

/// <summary>One request as the test receiver saw it on the wire.</summary>
public sealed record ReceivedRequest(
    string Method,
    string Path,
    string Query,
    string AbsoluteUrl,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}
