using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>
/// Renders webhook bodies from JSON body templates with Liquid placeholders. Thread-safe: compiled templates
/// are immutable and shared through a bounded cache keyed by the template text; each render has its own state.
/// </summary>
internal sealed class TemplateRenderer
{
    private const int MaxCachedTemplates = 512;

    private readonly ConcurrentDictionary<string, BodyTemplate> _cache = new(StringComparer.Ordinal);
    private readonly RenderLimits _limits;

    public TemplateRenderer()
        : this(RenderLimits.Default)
    {
    }

    internal TemplateRenderer(RenderLimits limits)
    {
        _limits = limits;
    }

    /// <summary>Null when the template is valid; no template at all (null or blank) is valid.</summary>
    public TemplateError? Validate(string? template) =>
        string.IsNullOrWhiteSpace(template) ? null : Compiled(template).Error;

    /// <summary>
    /// The body for <paramref name="input"/>: the rendered template, or the envelope when there is none,
    /// with custom data merged over its top level. Throws <see cref="TemplateRenderException"/> only for an
    /// invalid template or a render limit, never because of the data.
    /// </summary>
    public JsonObject Render(string? template, TemplateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            var body = string.IsNullOrWhiteSpace(template) ? TemplateMetadata.Envelope(input) : RenderTemplate(template, input);
            if (input.CustomData is { } custom)
            {
                foreach (var (key, value) in custom)
                {
                    body[key] = SafeJson.Copy(value);
                }
            }
            return body;
        }
        catch (InvalidOperationException ex)
        {
            // System.Text.Json cannot even read a key holding half a surrogate pair; such data cannot be sent.
            throw new TemplateRenderException("the event data cannot be read: " + ex.Message);
        }
    }

    private JsonObject RenderTemplate(string template, TemplateInput input)
    {
        var compiled = Compiled(template);
        if (compiled.Error is { } error)
        {
            throw new TemplateRenderException("the template is invalid: " + error);
        }
        return compiled.Render(new LiquidContext(input, _limits));
    }

    private BodyTemplate Compiled(string template)
    {
        if (_cache.TryGetValue(template, out var cached))
        {
            return cached;
        }
        var compiled = BodyTemplate.Compile(template);
        // Templates are few and change rarely; a full cache means churn or abuse, and starting over bounds both.
        if (_cache.Count >= MaxCachedTemplates)
        {
            _cache.Clear();
        }
        _cache.TryAdd(template, compiled);
        return compiled;
    }
}
