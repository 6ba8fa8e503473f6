using System.Text.Json;
using WebhookConsole.Api;
using WebhookConsole.Dispatching;
using WebhookConsole.Dispatching.Signing;

namespace WebhookConsole.Features.Webhooks;

/// <summary>Copies a validated <see cref="WebhookInput"/> onto a webhook: defaults, enabling rules and secrets.</summary>
internal sealed class WebhookApplier(SecretProtector secrets)
{
    public const string DisabledByAdmin = "disabled by an admin";

    /// <summary>Copies the input onto the entity; answers the secret in clear text when one was made or set.</summary>
    /// <param name="replace">Every field is set, omitted ones to their defaults; else only the fields given.</param>
    public string? Apply(WebhookEndpoint webhook, WebhookInput input, bool replace, bool isNew, FieldErrors errors)
    {
        bool Sets(string field) => replace || input.Has(field);

        var oldScheme = webhook.Signing;
        var wasEnabled = webhook.Enabled;
        if (Sets(WebhookFields.Uri))
        {
            webhook.Url = input.Uri!;
        }
        if (Sets(WebhookFields.Name))
        {
            webhook.Name = input.Name is { } name ? NameText.Trim(name) : DefaultName(webhook.Url);
        }
        if (Sets(WebhookFields.HttpVerb))
        {
            webhook.Method = input.HttpVerb is { } verb ? WebhookValidator.NormalizeVerb(verb)! : "POST";
        }
        if (Sets(WebhookFields.Hook))
        {
            webhook.EventType = input.Hook!;
        }
        if (Sets(WebhookFields.Retries))
        {
            webhook.Retries = input.Retries ?? 3;
        }
        if (Sets(WebhookFields.TimeoutSeconds))
        {
            webhook.TimeoutSeconds = input.TimeoutSeconds ?? 10;
        }
        if (Sets(WebhookFields.BodyTemplate))
        {
            webhook.BodyTemplate = string.IsNullOrWhiteSpace(input.BodyTemplate) ? null : input.BodyTemplate;
        }
        if (Sets(WebhookFields.CustomData))
        {
            webhook.CustomDataJson = input.CustomData?.ToJsonString();
        }
        if (Sets(WebhookFields.Headers))
        {
            webhook.HeadersJson = input.Headers is { Count: > 0 } headers ? JsonSerializer.Serialize(headers) : null;
        }
        if (Sets(WebhookFields.Signing))
        {
            SigningSchemeNames.TryParse(input.Signing ?? "standard", out var scheme);
            webhook.Signing = scheme;
        }
        if (Sets(WebhookFields.Enabled))
        {
            webhook.Enabled = input.Enabled ?? true;
        }
        if (!wasEnabled && webhook.Enabled)
        {
            webhook.DisabledReason = null;
            webhook.ConsecutiveFailures = 0;
        }
        else if (wasEnabled && !webhook.Enabled && !isNew)
        {
            webhook.DisabledReason = DisabledByAdmin;
        }
        return ApplySecret(webhook, input, oldScheme, isNew, errors);
    }

    private string? ApplySecret(WebhookEndpoint webhook, WebhookInput input, SigningScheme oldScheme, bool isNew, FieldErrors errors)
    {
        if (!string.IsNullOrEmpty(input.Secret) || (webhook.Signing == SigningScheme.None && input.Secret is not null))
        {
            if (WebhookSecrets.Validate(webhook.Signing, input.Secret!) is { } fault)
            {
                errors.Add(WebhookFields.Secret, "format", fault);
                return null;
            }
        }
        if (webhook.Signing == SigningScheme.None)
        {
            webhook.SecretProtected = null;
            webhook.PreviousSecretProtected = null;
            webhook.PreviousSecretExpiresAt = null;
            return null;
        }
        string? secret = null;
        if (!string.IsNullOrEmpty(input.Secret))
        {
            secret = input.Secret;
        }
        else if (isNew || webhook.SecretProtected is null || oldScheme != webhook.Signing)
        {
            // A secret of another scheme would not fit the new one; an API client learns it by rotating, the console shows it.
            secret = WebhookSecrets.Generate(webhook.Signing);
        }
        if (secret is null)
        {
            return null;
        }
        webhook.SecretProtected = secrets.Protect(secret);
        webhook.PreviousSecretProtected = null;
        webhook.PreviousSecretExpiresAt = null;
        // A secret the client chose is echoed only on create, where every secret is shown.
        return isNew || string.IsNullOrEmpty(input.Secret) ? secret : null;
    }

    /// <summary>A webhook without a name is named by its URL, cut to the length a name may have.</summary>
    private static string DefaultName(string url) =>
        url.Length <= WebhookValidator.MaxNameLength ? url : string.Concat(url.AsSpan(0, WebhookValidator.MaxNameLength - 1), "…");
}
