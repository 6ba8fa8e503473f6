namespace WebhookConsole.Tests.Support;

/// <summary>An answer read off the socket by <see cref="RawHttp"/>; header names in lower case.</summary>
public sealed record RawHttpAnswer(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? ContentType => Headers.GetValueOrDefault("content-type");
}
