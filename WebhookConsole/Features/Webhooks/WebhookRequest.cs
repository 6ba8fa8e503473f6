using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace WebhookConsole.Features.Webhooks;

/// <summary>
/// The <c>data</c> of a webhook create, replace or edit, for the OpenAPI document; <see cref="WebhookInputParser"/>
/// reads the request itself. <c>uri</c> and <c>hook</c> are required to create and to replace, no field to edit.
/// </summary>
internal sealed class WebhookRequest
{
    [MaxLength(WebhookValidator.MaxNameLength)]
    public string? Name { get; init; }

    [MaxLength(WebhookValidator.MaxUriLength)]
    public string? Uri { get; init; }

    /// <summary>Any case; answered lower case.</summary>
    public string? HttpVerb { get; init; }

    /// <summary>An event type of the catalogue, or <c>*</c> for every event.</summary>
    public string? Hook { get; init; }

    [Range(WebhookValidator.MinRetries, WebhookValidator.MaxRetries)]
    public int? Retries { get; init; }

    public JsonObject? CustomData { get; init; }

    public bool? Enabled { get; init; }

    [MaxLength(WebhookValidator.MaxTemplateLength)]
    public string? BodyTemplate { get; init; }

    [Range(WebhookValidator.MinTimeoutSeconds, WebhookValidator.MaxTimeoutSeconds)]
    public int? TimeoutSeconds { get; init; }

    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    [AllowedValues("standard", "frejun", "hex", "none")]
    public string? Signing { get; init; }

    public string? Secret { get; init; }
}
