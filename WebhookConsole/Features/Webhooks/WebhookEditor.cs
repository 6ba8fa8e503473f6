using System.Text.Json.Nodes;
using WebhookConsole.Api;
using WebhookConsole.Dispatching;
using WebhookConsole.Features.Audit;
using WebhookConsole.Features.Environments;

namespace WebhookConsole.Features.Webhooks;

/// <summary>
/// The console's edit page: saves a webhook together with the environments that subscribe to it. Every part
/// is checked before anything is written, so a rejected save leaves the webhook and its subscriptions as they were.
/// </summary>
internal sealed class WebhookEditor(
    WebhookService webhooks,
    WebhookValidator validator,
    EnvironmentService environments,
    SecretProtector secrets)
{
    /// <summary>The error key of the subscribing environments (not a wire field of the webhook).</summary>
    public const string EnvironmentsField = "environments";

    /// <summary>
    /// The error key of a save refused because the webhook changed since the form was loaded; its rules are the
    /// wire names of the fields that changed ("environments" for the subscriptions).
    /// </summary>
    public const string ConflictField = "conflict";

    /// <summary>Fields the form does not edit: the reason goes with <c>enabled</c>, the previous secret with a rotation.</summary>
    private static readonly string[] NotEdited = ["created", "updated", "disabled_reason", "previous_secret", "previous_secret_expires"];

    /// <summary>
    /// Creates (<paramref name="id"/> null) or replaces the webhook, then makes exactly
    /// <paramref name="environmentIds"/> subscribe to it. Null with <paramref name="errors"/> filled when any part
    /// is invalid; null with no errors when the webhook is not in the account. With <paramref name="loadedFrom"/>, a
    /// webhook or subscriptions changed since then are not overwritten: null with a <see cref="ConflictField"/> error
    /// naming what changed.
    /// </summary>
    public async Task<WebhookSaved?> SaveAsync(
        Guid accountId, Guid? id, WebhookInput input, IReadOnlyCollection<Guid> environmentIds, FieldErrors errors,
        CancellationToken cancellationToken, WebhookEditBase? loadedFrom = null)
    {
        var known = await environments.ListAsync(accountId, cancellationToken);
        var unknown = environmentIds.Where(e => known.All(k => k.Id != e)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(EnvironmentsField, "unknown", "an environment was deleted meanwhile; reload the page and choose again");
        }
        if (id is { } existing)
        {
            if (await webhooks.GetAsync(accountId, existing, cancellationToken) is not { } current)
            {
                return null;
            }
            if (loadedFrom is not null && ChangedSince(loadedFrom, current, known, input) is { Count: > 0 } changed)
            {
                changed.ForEach(field => errors.Add(ConflictField, field, $"{field} was changed since the form was loaded"));
                return null;
            }
        }
        if (errors.Any)
        {
            // Report the webhook's own faults too, without writing anything.
            await validator.ValidateAsync(input, complete: true, errors, cancellationToken);
            return null;
        }
        var saved = id is { } webhookId
            ? await webhooks.UpdateAsync(accountId, webhookId, input, replace: true, errors, cancellationToken)
            : await webhooks.CreateAsync(accountId, input, errors, cancellationToken);
        if (saved is null)
        {
            return null;
        }
        await SubscribeAsync(accountId, saved.Webhook.Id, known, environmentIds, cancellationToken);
        return saved;
    }

    /// <summary>
    /// The wire names of the fields that differ between the loaded webhook and the stored one, and "environments"
    /// when the subscriptions do. A rotated secret counts only when this save would set one.
    /// </summary>
    private static List<string> ChangedSince(WebhookEditBase loadedFrom, WebhookEndpoint current, List<WebhookEnvironment> known, WebhookInput input)
    {
        var before = AuditSnapshot.Of(loadedFrom.Webhook).Json;
        var now = AuditSnapshot.Of(current).Json;
        var changed = now.Select(p => p.Key)
            .Where(f => !NotEdited.Contains(f) && (f != WebhookFields.Secret || input.Has(WebhookFields.Secret)))
            .Where(f => !JsonNode.DeepEquals(before[f], now[f]))
            .ToList();
        var subscribed = known.Where(e => e.Subscriptions.Any(s => s.WebhookId == current.Id)).Select(e => e.Id).ToHashSet();
        if (!subscribed.SetEquals(loadedFrom.EnvironmentIds))
        {
            changed.Add(EnvironmentsField);
        }
        return changed;
    }

    /// <summary>The ids of the environments that subscribe to the webhook.</summary>
    public async Task<List<Guid>> EnvironmentIdsAsync(Guid accountId, Guid webhookId, CancellationToken cancellationToken) =>
        (await environments.ListAsync(accountId, cancellationToken))
            .Where(e => e.Subscriptions.Any(s => s.WebhookId == webhookId)).Select(e => e.Id).ToList();

    /// <summary>The webhook's current secret in clear text, or null when it has none (or is not in the account).</summary>
    public async Task<string?> RevealSecretAsync(Guid accountId, Guid webhookId, CancellationToken cancellationToken) =>
        await webhooks.GetAsync(accountId, webhookId, cancellationToken) is { SecretProtected: { } protectedSecret }
            ? secrets.Unprotect(protectedSecret)
            : null;

    /// <summary>Changes only the environments whose subscription to the webhook differs, through the environments' own rules.</summary>
    private async Task SubscribeAsync(
        Guid accountId, Guid webhookId, List<WebhookEnvironment> known, IReadOnlyCollection<Guid> wanted, CancellationToken cancellationToken)
    {
        foreach (var environment in known)
        {
            var subscribed = environment.Subscriptions.Any(s => s.WebhookId == webhookId);
            if (subscribed == wanted.Contains(environment.Id))
            {
                continue;
            }
            var ids = environment.Subscriptions.Select(s => s.WebhookId).Where(w => w != webhookId).ToList();
            if (!subscribed)
            {
                ids.Add(webhookId);
            }
            var input = new EnvironmentInput { Fields = new HashSet<string> { EnvironmentInputParser.Webhooks }, Webhooks = ids };
            await environments.UpdateAsync(accountId, environment.Id, input, replace: false, new FieldErrors(), cancellationToken);
        }
    }
}
