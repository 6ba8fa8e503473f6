namespace WebhookConsole.Features.Deliveries;

/// <summary>The request an attempt made, on the wire; credential-like header values are masked.</summary>
internal sealed record AttemptRequestResponse(string Method, string Url, IReadOnlyDictionary<string, string> Headers, string Body);
