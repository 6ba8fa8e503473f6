namespace WebhookConsole.Features.Tokens;

/// <summary>Tells the cache of token callers that a token was revoked, on this node or another.</summary>
internal sealed class ApiTokenChanges : ChangeAnnouncements;
