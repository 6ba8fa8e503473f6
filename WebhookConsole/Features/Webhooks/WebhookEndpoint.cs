using WebhookConsole.Data.Paging;
using WebhookConsole.Dispatching.Signing;

namespace WebhookConsole.Features.Webhooks;

/// <summary>A configured destination: which event goes where, in what shape, signed how.</summary>
internal sealed class WebhookEndpoint : IPagedRow
{
    public const string AnyEvent = "*";

    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public string Name { get; set; } = "";
    public bool Enabled { get; set; } = true;
    /// <summary>An event type name, or <see cref="AnyEvent"/>.</summary>
    public string EventType { get; set; } = AnyEvent;
    /// <summary><c>GET</c> or <c>POST</c>.</summary>
    public string Method { get; set; } = "POST";
    public string Url { get; set; } = "";
    public string? BodyTemplate { get; set; }
    public int Retries { get; set; } = 3;
    public int TimeoutSeconds { get; set; } = 10;
    /// <summary>A JSON object merged into every rendered body, or null.</summary>
    public string? CustomDataJson { get; set; }
    /// <summary>A JSON object of extra request headers, or null.</summary>
    public string? HeadersJson { get; set; }
    public SigningScheme Signing { get; set; } = SigningScheme.Standard;
    /// <summary>The signing secret, encrypted with Data Protection.</summary>
    public string? SecretProtected { get; set; }
    /// <summary>The secret before the last rotation, still signing until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecretProtected { get; set; }
    public DateTime? PreviousSecretExpiresAt { get; set; }
    public string? DisabledReason { get; set; }
    /// <summary>Deliveries that ended failed in a row, by the time they ended.</summary>
    public int ConsecutiveFailures { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool Matches(string eventType) => EventType == AnyEvent || EventType == eventType;
}
