namespace WebhookConsole.Dispatching.Templates;

/// <summary>A template could not be rendered: it is invalid, or it went past a render limit.</summary>
internal sealed class TemplateRenderException : Exception
{
    public TemplateRenderException(string message)
        : base(message)
    {
    }
}
