namespace WebhookConsole.Dispatching.Templates;

/// <summary>A filter: its name, how many arguments it takes, and what it does; it never throws on odd input.</summary>
internal sealed record LiquidFilter(string Name, int MinArguments, int MaxArguments, Func<object?, object?[], object?> Apply);
