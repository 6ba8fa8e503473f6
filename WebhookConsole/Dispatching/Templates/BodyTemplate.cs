using System.Text.Json.Nodes;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>A compiled body template, or the reason it is invalid. Immutable, so it is shared by all renders.</summary>
internal sealed class BodyTemplate
{
    private readonly BodyNode? _root;

    private BodyTemplate(BodyNode? root, TemplateError? error)
    {
        _root = root;
        Error = error;
    }

    public TemplateError? Error { get; }

    public static BodyTemplate Compile(string template)
    {
        var compiler = new BodyCompiler(template);
        return compiler.TryCompile(out var root, out var error) ? new BodyTemplate(root, null) : new BodyTemplate(null, error);
    }

    public JsonObject Render(LiquidContext context)
    {
        if (_root is null)
        {
            throw new TemplateRenderException("the template is invalid: " + Error);
        }
        return (JsonObject)_root.Render(context)!;
    }
}
