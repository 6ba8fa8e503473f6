namespace WebhookConsole.Dispatching.Templates;

/// <summary>Why a template was rejected, at a 1-based line and column of the template text.</summary>
internal sealed record TemplateError(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
