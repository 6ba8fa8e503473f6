using System.Text.Json;
using System.Text.Json.Nodes;
using WebhookConsole.Api;
using WebhookConsole.Components.Shared;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Components.Pages.Webhooks;

/// <summary>The edit page's fields as the admin types them; turned into a <see cref="WebhookInput"/> to save.</summary>
public sealed class WebhookForm
{
    public const string DefaultEvent = "Call:Hangup";

    public bool Enabled { get; set; } = true;
    public string Name { get; set; } = "";
    public string Event { get; set; } = DefaultEvent;
    public string Method { get; set; } = "POST";
    public string Url { get; set; } = "";
    public string Template { get; set; } = "";
    public int Retries { get; set; } = 3;
    public int TimeoutSeconds { get; set; } = 10;
    public string CustomData { get; set; } = "";
    public List<HeaderRow> Headers { get; set; } = [];
    /// <summary>The signing scheme's wire name.</summary>
    public string Signing { get; set; } = "standard";
    /// <summary>The secret in clear text when the admin knows it here: a new webhook's, or one revealed or rotated.</summary>
    public string? Secret { get; set; }
    public HashSet<Guid> EnvironmentIds { get; set; } = [];

    /// <summary>
    /// What the admin can change and save here, as text: equal snapshots save the same webhook. An existing webhook's
    /// secret is left out: revealing or rotating it is no edit of the form.
    /// </summary>
    internal string Snapshot(bool withSecret) => JsonSerializer.Serialize(new
    {
        Enabled, Name, Event, Method, Url, Template, Retries, TimeoutSeconds, CustomData,
        Headers = Headers.Select(h => new[] { h.Name, h.Value }),
        Signing,
        Secret = withSecret ? Secret : null,
        Environments = EnvironmentIds.Order(),
    });

    internal static WebhookForm From(WebhookEndpoint webhook, IEnumerable<Guid> environmentIds) => new WebhookForm
    {
        Enabled = webhook.Enabled,
        Name = webhook.Name == webhook.Url ? "" : webhook.Name,
        Event = webhook.EventType,
        Method = webhook.Method,
        Url = webhook.Url,
        Template = webhook.BodyTemplate ?? "",
        Retries = webhook.Retries,
        TimeoutSeconds = webhook.TimeoutSeconds,
        CustomData = JsonText.Pretty(webhook.CustomDataJson),
        Headers = string.IsNullOrEmpty(webhook.HeadersJson)
            ? []
            : [.. JsonSerializer.Deserialize<Dictionary<string, string>>(webhook.HeadersJson)!.Select(h => new HeaderRow { Name = h.Key, Value = h.Value })],
        Signing = SigningSchemeNames.ToWire(webhook.Signing),
        EnvironmentIds = [],
    }.WithEnvironments(environmentIds);

    /// <summary>
    /// Every field, for a create or a full replace. Faults only the form can see (custom data that is not a JSON
    /// object, headers without a name or given twice) go into <paramref name="errors"/>.
    /// </summary>
    /// <param name="includeSecret">A new webhook sends the secret shown on the page; an existing one keeps its own.</param>
    internal WebhookInput ToInput(bool includeSecret, FieldErrors errors) => new()
    {
        Fields = WebhookFields.Writable.Where(f => f != WebhookFields.Secret || includeSecret).ToHashSet(StringComparer.Ordinal),
        Enabled = Enabled,
        Name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(),
        Hook = Event,
        HttpVerb = Method,
        Uri = NameText.Trim(Url),
        BodyTemplate = string.IsNullOrWhiteSpace(Template) ? null : Template,
        Retries = Retries,
        TimeoutSeconds = TimeoutSeconds,
        CustomData = ParseCustomData(errors),
        Headers = HeaderDictionary(errors),
        Signing = Signing,
        Secret = includeSecret && Signing != "none" ? Secret : null,
    };

    /// <summary>The custom data as an object; null when blank or invalid (then with a fault when <paramref name="errors"/> is given).</summary>
    internal JsonObject? ParseCustomData(FieldErrors? errors)
    {
        if (string.IsNullOrWhiteSpace(CustomData))
        {
            return null;
        }
        if (LoneSurrogates.Find(CustomData) is var (line, column))
        {
            errors?.Add(WebhookFields.CustomData, "json", $"not valid JSON at line {line}, column {column}: the text {LoneSurrogates.Reason}");
            return null;
        }
        try
        {
            // A name given twice is refused, as the API refuses it, rather than the last one silently kept.
            if (JsonNode.Parse(CustomData, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) is JsonObject data)
            {
                return data;
            }
            errors?.Add(WebhookFields.CustomData, "type", "custom data must be a JSON object, e.g. {\"crm\": \"acme\"}");
        }
        catch (JsonException ex)
        {
            var reason = ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.', ' ');
            errors?.Add(WebhookFields.CustomData, "json",
                $"not valid JSON at line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: {reason}");
        }
        return null;
    }

    /// <summary>The named header rows; blank rows are ignored.</summary>
    internal Dictionary<string, string> HeaderDictionary(FieldErrors? errors)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in Headers.Where(r => !r.IsBlank))
        {
            var name = row.Name.Trim();
            if (name.Length == 0)
            {
                errors?.Add(WebhookFields.Headers, "name", "every header needs a name");
            }
            else if (!headers.TryAdd(name, WebhookValidator.TrimHeaderValue(row.Value)))
            {
                errors?.Add(WebhookFields.Headers, "duplicate", $"header '{name}' is given twice");
            }
        }
        return headers;
    }

    private WebhookForm WithEnvironments(IEnumerable<Guid> ids)
    {
        EnvironmentIds = [.. ids];
        return this;
    }
}
