namespace WebhookConsole.Dispatching.Templates;

/// <summary>A fault in a template, at a character offset of the text being compiled.</summary>
internal sealed class TemplateSyntaxException(int offset, string message) : Exception(message)
{
    public int Offset { get; } = offset;
}
