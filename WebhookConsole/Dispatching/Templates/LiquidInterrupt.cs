namespace WebhookConsole.Dispatching.Templates;

/// <summary>A break or continue on its way out to the enclosing for loop.</summary>
internal enum LiquidInterrupt
{
    None,
    Break,
    Continue,
}
