using System.Text.Json.Nodes;
using WebhookConsole.Api;
using WebhookConsole.Dispatching;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Dispatching.Templates;
using WebhookConsole.Features.EventTypes;

namespace WebhookConsole.Features.Webhooks;

/// <summary>
/// The rules of a webhook's fields, in one place for the API and the console. Faults are keyed by wire
/// field name. The secret is checked by <see cref="WebhookService"/>, which knows the resulting scheme.
/// </summary>
internal sealed class WebhookValidator(TemplateRenderer templates, EventTypeCatalog catalog)
{
    public const int MinRetries = 0;
    public const int MaxRetries = 10;
    public const int MinTimeoutSeconds = 1;
    public const int MaxTimeoutSeconds = 60;
    public const int MaxHeaders = 50;
    private const int MaxHeaderValueLength = 4096;
    // The lengths the database holds (WebhookEndpointConfiguration); checked here so the console keeps to them too.
    public const int MaxNameLength = 200;
    public const int MaxUriLength = 2048;
    public const int MaxTemplateLength = 64 * 1024;
    // Well inside the 64 levels most JSON readers take, with room for the API's envelope and lists around it.
    public const int MaxCustomDataDepth = 32;

    /// <param name="complete">Create or full replace: the required fields must be there.</param>
    public async Task ValidateAsync(WebhookInput input, bool complete, FieldErrors errors, CancellationToken cancellationToken)
    {
        Required(input, WebhookFields.Uri, input.Uri, complete, errors);
        Required(input, WebhookFields.Hook, input.Hook, complete, errors);
        var name = NameText.Check(WebhookFields.Name, input.Name, errors);
        if (name is { Length: 0 })
        {
            errors.Add(WebhookFields.Name, "required", "name cannot be blank; leave it out to use the uri");
        }
        else if (name is { Length: > MaxNameLength })
        {
            errors.Add(WebhookFields.Name, "maxLength", $"name is longer than {MaxNameLength} characters");
        }
        if (input.Uri is { Length: > MaxUriLength })
        {
            errors.Add(WebhookFields.Uri, "maxLength", $"uri is longer than {MaxUriLength} characters");
        }
        else if (input.Uri is { } uri && !string.IsNullOrWhiteSpace(uri))
        {
            CheckUri(uri, errors);
        }
        if (input.HttpVerb is { } verb && NormalizeVerb(verb) is null)
        {
            errors.Add(WebhookFields.HttpVerb, "enum", "http_verb must be get or post");
        }
        if (input.Hook is { } hook && !string.IsNullOrWhiteSpace(hook) && hook != WebhookEndpoint.AnyEvent
            && !await catalog.ExistsAsync(hook, cancellationToken))
        {
            errors.Add(WebhookFields.Hook, "unknown", $"'{hook}' is not an event type of the catalogue (or \"*\" for every event)");
        }
        if (input.Retries is { } retries and (< MinRetries or > MaxRetries))
        {
            errors.Add(WebhookFields.Retries, "range", $"retries must be between {MinRetries} and {MaxRetries}");
        }
        if (input.TimeoutSeconds is { } timeout and (< MinTimeoutSeconds or > MaxTimeoutSeconds))
        {
            errors.Add(WebhookFields.TimeoutSeconds, "range", $"timeout_seconds must be between {MinTimeoutSeconds} and {MaxTimeoutSeconds}");
        }
        if (input.BodyTemplate is { Length: > MaxTemplateLength })
        {
            errors.Add(WebhookFields.BodyTemplate, "maxLength", $"body_template is longer than {MaxTemplateLength} characters");
        }
        else if (!string.IsNullOrWhiteSpace(input.BodyTemplate) && templates.Validate(input.BodyTemplate) is { } fault)
        {
            errors.Add(WebhookFields.BodyTemplate, "template", $"line {fault.Line}, column {fault.Column}: {fault.Message}");
        }
        if (input.Headers is { } headers)
        {
            CheckHeaders(headers, errors);
        }
        if (input.CustomData is { } customData && Depth(customData) > MaxCustomDataDepth)
        {
            errors.Add(WebhookFields.CustomData, "depth", $"custom_data nests deeper than {MaxCustomDataDepth} levels");
        }
        if (input.Signing is { } signing && !SigningSchemeNames.TryParse(signing, out _))
        {
            errors.Add(WebhookFields.Signing, "enum", "signing must be standard, frejun, hex or none");
        }
    }

    /// <summary><c>GET</c> or <c>POST</c> for any case of get/post; null for anything else.</summary>
    public static string? NormalizeVerb(string verb) => verb.ToUpperInvariant() switch
    {
        "GET" => "GET",
        "POST" => "POST",
        _ => null,
    };

    /// <summary>How many objects and arrays deep the value nests; a plain value is 0.</summary>
    private static int Depth(JsonNode? node) => node switch
    {
        JsonObject obj => 1 + obj.Select(p => Depth(p.Value)).DefaultIfEmpty(0).Max(),
        JsonArray array => 1 + array.Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    private static void Required(WebhookInput input, string field, string? value, bool complete, FieldErrors errors)
    {
        if ((complete || input.Has(field)) && !errors.Has(field) && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "required", $"{field} is required");
        }
    }

    private static void CheckUri(string text, FieldErrors errors)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            errors.Add(WebhookFields.Uri, "format", "uri must be an absolute URL, e.g. https://example.com/hooks");
        }
        else if (uri.Scheme is not ("http" or "https"))
        {
            errors.Add(WebhookFields.Uri, "scheme", "uri must be an http or https URL");
        }
        // Uri takes such characters and percent-encodes them; the invisible ones (U+200B, U+202E) would also make the URL
        // shown in the console read as another than the one requested.
        else if (text.Any(c => char.IsWhiteSpace(c) || NameText.IsRefused(c)))
        {
            errors.Add(WebhookFields.Uri, "format", "uri must not contain spaces, line breaks, control characters or invisible formatting characters");
        }
        else if (uri.UserInfo.Length > 0)
        {
            // Never sent (the request line carries no user info), yet shown wherever the URL is: refused, not kept.
            errors.Add(WebhookFields.Uri, "userinfo", "uri must not hold a user name or password; send credentials in a header such as Authorization");
        }
    }

    private static void CheckHeaders(IReadOnlyDictionary<string, string> headers, FieldErrors errors)
    {
        if (headers.Count > MaxHeaders)
        {
            errors.Add(WebhookFields.Headers, "maxItems", $"at most {MaxHeaders} headers");
        }
        foreach (var (name, value) in headers)
        {
            var shown = PrintableText.Of(name);
            if (name.Length is 0 or > 256 || !name.All(IsTokenChar))
            {
                errors.Add(WebhookFields.Headers, "name", $"'{shown}' is not a valid header name");
            }
            else if (ReservedHeaders.Contains(name))
            {
                errors.Add(WebhookFields.Headers, "reserved", $"'{shown}' is set by the dispatcher and cannot be a custom header");
            }
            if (value.Length > MaxHeaderValueLength || !value.All(IsValueChar))
            {
                errors.Add(WebhookFields.Headers, "value",
                    $"the value of '{shown}' must be at most {MaxHeaderValueLength} printable ASCII characters (no line breaks, control characters or characters beyond ASCII such as é; percent-encode those)");
            }
        }
    }

    /// <summary>
    /// A header value without the spaces and tabs around it: HTTP drops them (RFC 9110, 5.5), so a receiver never sees
    /// them, and the stored value is then the one received.
    /// </summary>
    public static string TrimHeaderValue(string value) => value.Trim(' ', '\t');

    // What HttpClient sends as a header value: visible ASCII, spaces and tabs (it refuses any other character, so a
    // webhook holding one could never be delivered).
    private static bool IsValueChar(char c) => c is '\t' or (>= ' ' and <= '~');

    // RFC 9110 token characters.
    private static bool IsTokenChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
