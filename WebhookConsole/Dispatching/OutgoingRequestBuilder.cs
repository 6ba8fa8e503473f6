using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Dispatching.Templates;
using WebhookConsole.Features.Events;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Dispatching;

/// <summary>Turns a webhook, an event and a delivery id into the exact request to send: rendered, signed, with every header.</summary>
internal sealed class OutgoingRequestBuilder(
    TemplateRenderer renderer,
    WebhookSigner signer,
    SecretProtector secrets,
    TimeProvider time)
{
    /// <summary>The Content-Type of every request with a body; listed with the other headers, so the preview and the attempt history show it.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    public static readonly string UserAgent = "WebhookConsole/" +
        (typeof(OutgoingRequestBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0");

    // Bodies keep non-ASCII text as UTF-8 rather than \u escapes; they are never embedded in HTML.
    private static readonly JsonSerializerOptions BodyJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public OutgoingRequest Build(WebhookEndpoint webhook, CallEvent callEvent, Guid deliveryId)
    {
        var input = new TemplateInput(
            callEvent.EventType,
            callEvent.EventId,
            callEvent.OccurredAt,
            callEvent.EnvironmentName,
            callEvent.AccountId.ToString(),
            webhook.Id.ToString(),
            deliveryId.ToString(),
            ParseObject(callEvent.DataJson) ?? [],
            ParseObject(webhook.CustomDataJson));
        var rendered = renderer.Render(webhook.BodyTemplate, input);

        var isGet = webhook.Method == "GET";
        var url = WireUrl.Canonical(isGet ? QueryStringBuilder.AppendQuery(webhook.Url, rendered) : webhook.Url);
        var body = isGet ? "" : rendered.ToJsonString(BodyJson);
        var now = time.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        var webhookId = deliveryId.ToString();

        var headers = new List<KeyValuePair<string, string>>
        {
            new(SignatureHeaders.WebhookId, webhookId),
            new(SignatureHeaders.WebhookTimestamp, timestamp.ToString(CultureInfo.InvariantCulture)),
            new("User-Agent", UserAgent),
        };
        if (!isGet)
        {
            headers.Add(new("Content-Type", JsonContentType));
        }
        foreach (var (name, value) in CustomHeaders(webhook.HeadersJson))
        {
            if (!ReservedHeaders.Contains(name))
            {
                headers.Add(new(name, value));
            }
        }
        var signature = signer.Sign(webhook.Signing, SigningSecrets(webhook, now.UtcDateTime), webhookId, timestamp, webhook.Method, url, body);
        if (signature is { } header)
        {
            headers.Add(header);
        }
        return new OutgoingRequest(webhook.Method, url, headers, body, TimeSpan.FromSeconds(webhook.TimeoutSeconds));
    }

    /// <summary>The current secret, then the one before it while it is still in its grace period.</summary>
    private List<string> SigningSecrets(WebhookEndpoint webhook, DateTime now)
    {
        var list = new List<string>(2);
        if (webhook.Signing == SigningScheme.None || webhook.SecretProtected is null)
        {
            return list;
        }
        list.Add(secrets.Unprotect(webhook.SecretProtected));
        if (webhook.PreviousSecretProtected is not null && webhook.PreviousSecretExpiresAt > now)
        {
            list.Add(secrets.Unprotect(webhook.PreviousSecretProtected));
        }
        return list;
    }

    private static IEnumerable<KeyValuePair<string, string>> CustomHeaders(string? json)
    {
        if (ParseObject(json) is not { } headers)
        {
            yield break;
        }
        foreach (var (name, value) in headers)
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text))
            {
                yield return new(name, text);
            }
        }
    }

    private static JsonObject? ParseObject(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json) as JsonObject;
}
