using System.Text.Json.Nodes;

namespace WebhookConsole.Features.Webhooks;

/// <summary>
/// What a client asked to set on a webhook, in wire terms. <see cref="Fields"/> names the wire fields the
/// request carried, so a partial edit can tell "absent" from "set to null".
/// </summary>
internal sealed record WebhookInput
{
    public IReadOnlySet<string> Fields { get; init; } = new HashSet<string>();
    public string? Name { get; init; }
    public string? Uri { get; init; }
    /// <summary>As sent, any case; the validator accepts <c>get</c> and <c>post</c>.</summary>
    public string? HttpVerb { get; init; }
    public string? Hook { get; init; }
    public int? Retries { get; init; }
    public int? TimeoutSeconds { get; init; }
    public string? BodyTemplate { get; init; }
    public JsonObject? CustomData { get; init; }
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
    /// <summary>As sent; the validator accepts the names of <see cref="Dispatching.Signing.SigningSchemeNames"/>.</summary>
    public string? Signing { get; init; }
    public string? Secret { get; init; }
    public bool? Enabled { get; init; }

    public bool Has(string field) => Fields.Contains(field);
}
