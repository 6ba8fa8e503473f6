using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebhookConsole.Dispatching;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Environments;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Features.Identity;
using WebhookConsole.Features.Tokens;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Features.Audit;

/// <summary>
/// An entity as the audit log keeps it: wire field names, and never a secret. Secrets and credential-like
/// header values are masked; a short reference to the encrypted secret tells a rotation apart without revealing it.
/// </summary>
internal sealed record AuditSnapshot(string EntityType, Guid EntityId, string? EntityName, Guid? AccountId, JsonObject Json)
{
    public static AuditSnapshot Of(WebhookEndpoint w)
    {
        var headers = new JsonObject();
        if (!string.IsNullOrEmpty(w.HeadersJson))
        {
            foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(w.HeadersJson)!)
            {
                headers[name] = HeaderMasking.Value(name, value);
            }
        }
        return new(AuditEntityTypes.Webhook, w.Id, w.Name, w.AccountId, new JsonObject
        {
            ["id"] = w.Id,
            ["name"] = w.Name,
            ["enabled"] = w.Enabled,
            ["hook"] = w.EventType,
            ["http_verb"] = w.Method.ToLowerInvariant(),
            ["uri"] = w.Url,
            ["body_template"] = w.BodyTemplate,
            ["retries"] = w.Retries,
            ["timeout_seconds"] = w.TimeoutSeconds,
            ["custom_data"] = string.IsNullOrEmpty(w.CustomDataJson) ? null : JsonNode.Parse(w.CustomDataJson),
            ["headers"] = headers,
            ["signing"] = SigningSchemeNames.ToWire(w.Signing),
            ["secret"] = Masked(w.SecretProtected),
            ["previous_secret"] = Masked(w.PreviousSecretProtected),
            ["previous_secret_expires"] = w.PreviousSecretExpiresAt,
            ["disabled_reason"] = w.DisabledReason,
            ["created"] = w.CreatedAt,
            ["updated"] = w.UpdatedAt,
        });
    }

    public static AuditSnapshot Of(WebhookEnvironment e) =>
        new(AuditEntityTypes.Environment, e.Id, e.Name, e.AccountId, new JsonObject
        {
            ["id"] = e.Id,
            ["name"] = e.Name,
            ["webhooks"] = new JsonArray(e.Subscriptions.Select(s => s.WebhookId).Order().Select(id => (JsonNode)JsonValue.Create(id)).ToArray()),
            ["created"] = e.CreatedAt,
            ["updated"] = e.UpdatedAt,
        });

    public static AuditSnapshot Of(EventType t) =>
        new(AuditEntityTypes.EventType, t.Id, t.Name, null, new JsonObject
        {
            ["id"] = t.Id,
            ["name"] = t.Name,
            ["description"] = t.Description,
            ["source"] = t.Source,
            ["sample"] = JsonNode.Parse(t.SampleJson),
            ["created"] = t.CreatedAt,
            ["updated"] = t.UpdatedAt,
        });

    /// <summary>Neither the token nor its hash: a token is known by its name and id.</summary>
    public static AuditSnapshot Of(ApiToken t) =>
        new(AuditEntityTypes.Token, t.Id, t.Name, t.AccountId, new JsonObject
        {
            ["id"] = t.Id,
            ["name"] = t.Name,
            ["created"] = t.CreatedAt,
            ["revoked"] = t.RevokedAt,
        });

    public static AuditSnapshot Of(Account a) =>
        new(AuditEntityTypes.Account, a.Id, a.Name, a.Id, new JsonObject
        {
            ["id"] = a.Id,
            ["name"] = a.Name,
            ["created"] = a.CreatedAt,
        });

    /// <summary>
    /// An admin is known by id and email: never the password hash or the security stamp. Admins belong to no
    /// account, so every account's log shows them.
    /// </summary>
    public static AuditSnapshot Of(AdminUser a) =>
        new(AuditEntityTypes.Admin, Guid.Parse(a.Id), a.Email, null, new JsonObject
        {
            ["id"] = a.Id,
            ["email"] = a.Email,
        });

    /// <summary>True when both snapshots hold the same values, leaving out <paramref name="ignored"/> fields.</summary>
    public static bool SameExcept(AuditSnapshot a, AuditSnapshot b, params string[] ignored)
    {
        var left = a.Json.DeepClone().AsObject();
        var right = b.Json.DeepClone().AsObject();
        foreach (var field in ignored)
        {
            left.Remove(field);
            right.Remove(field);
        }
        return JsonNode.DeepEquals(left, right);
    }

    /// <summary>The mask plus a reference derived from the ciphertext, which reveals nothing about the secret itself.</summary>
    private static string? Masked(string? protectedSecret) =>
        protectedSecret is null
            ? null
            : HeaderMasking.Mask + " ref:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(protectedSecret)))[..8];
}
