namespace WebhookConsole.Dispatching.Templates;

internal enum LiquidTokenKind
{
    Text,
    Output,
    Tag,
}
