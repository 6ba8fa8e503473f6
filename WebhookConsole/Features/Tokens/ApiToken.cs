namespace WebhookConsole.Features.Tokens;

/// <summary>An API token of one account; only its SHA-256 hash is stored.</summary>
internal sealed class ApiToken
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public string Name { get; set; } = "";
    public string TokenHash { get; set; } = "";
    /// <summary>The first characters of the token, so admins can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
