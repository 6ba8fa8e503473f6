using System.Text.Json;
using WebhookConsole.Dispatching;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Components.Pages.Webhooks;

/// <summary>
/// The edit page's request preview, built from the form as typed: the event type's sample through the template, with
/// the custom data, the headers and the signature a delivery would carry. Secrets are protected once each, not at
/// every key the admin types.
/// </summary>
internal sealed class WebhookFormPreview(WebhookPreview preview, SecretProtector secrets)
{
    private readonly Dictionary<string, string> previewSecrets = [];

    /// <summary>The event type previewed: the form's, or the one a test of a <c>*</c> webhook sends.</summary>
    public static string EventNameOf(WebhookForm? form) =>
        form is null || form.Event == WebhookEndpoint.AnyEvent ? WebhookTestService.DefaultEventForAny : form.Event;

    /// <summary>The environment a test event would carry: the first subscribing one by name.</summary>
    public static string EnvironmentOf(WebhookForm? form, IEnumerable<EnvironmentOption> environments) =>
        environments.Where(e => form?.EnvironmentIds.Contains(e.Id) == true)
            .Select(e => e.Name).Order(StringComparer.Ordinal).FirstOrDefault() ?? WebhookTestService.FallbackEnvironment;

    /// <param name="stored">The saved webhook, whose secrets sign the preview while the form shows none; null for a new one.</param>
    /// <param name="type">The event type whose sample is rendered (<see cref="EventNameOf"/>); null when the catalogue has none.</param>
    public WebhookPreviewResult Build(WebhookForm edited, WebhookEndpoint? stored, Guid accountId, EventTypeOption? type, string environment)
    {
        if (type is null)
        {
            return new(null, $"The catalogue has no event type '{EventNameOf(edited)}' to preview with.");
        }
        if (string.IsNullOrWhiteSpace(edited.Url) || !Uri.TryCreate(edited.Url.Trim(), UriKind.Absolute, out _))
        {
            return new(null, "Enter an absolute URL to see the request.");
        }
        if (edited.ParseCustomData(null) is null && !string.IsNullOrWhiteSpace(edited.CustomData))
        {
            return new(null, "Fix the custom data to see the request.");
        }
        SigningSchemeNames.TryParse(edited.Signing, out var scheme);
        var draft = new WebhookEndpoint
        {
            Id = stored?.Id ?? Guid.Empty,
            AccountId = accountId,
            Method = edited.Method,
            Url = edited.Url.Trim(),
            BodyTemplate = string.IsNullOrWhiteSpace(edited.Template) ? null : edited.Template,
            CustomDataJson = edited.ParseCustomData(null)?.ToJsonString(),
            HeadersJson = JsonSerializer.Serialize(edited.HeaderDictionary(null)),
            Signing = scheme,
            TimeoutSeconds = edited.TimeoutSeconds,
        };
        SetSecret(draft, stored, edited.Secret);
        var built = preview.Build(draft, new EventType { Name = type.Name, SampleJson = type.SampleJson }, environment);
        return built.Error is { } error ? built with { Error = "The request cannot be built: " + error } : built;
    }

    /// <summary>Signs the preview as a delivery would be: with the secret shown here, else the stored ones, else a stand-in.</summary>
    private void SetSecret(WebhookEndpoint draft, WebhookEndpoint? stored, string? secret)
    {
        if (draft.Signing == SigningScheme.None)
        {
            return;
        }
        if (stored is not null && stored.Signing == draft.Signing && secret is null)
        {
            (draft.SecretProtected, draft.PreviousSecretProtected, draft.PreviousSecretExpiresAt) =
                (stored.SecretProtected, stored.PreviousSecretProtected, stored.PreviousSecretExpiresAt);
            return;
        }
        var plain = secret is not null && WebhookSecrets.Validate(draft.Signing, secret) is null ? secret : StandIn(draft.Signing);
        if (!previewSecrets.TryGetValue(plain, out var protectedSecret))
        {
            protectedSecret = secrets.Protect(plain);
            previewSecrets[plain] = protectedSecret;
        }
        draft.SecretProtected = protectedSecret;
    }

    private string StandIn(SigningScheme scheme)
    {
        var key = "stand-in:" + scheme;
        if (!previewSecrets.TryGetValue(key, out var plain))
        {
            plain = WebhookSecrets.Generate(scheme);
            previewSecrets[key] = plain;
        }
        return plain;
    }
}
