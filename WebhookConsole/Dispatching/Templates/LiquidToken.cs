namespace WebhookConsole.Dispatching.Templates;

/// <summary>
/// A piece of a Liquid text: literal text, an output {{ ... }} or a tag {% ... %}. Errors about a markup are
/// reported at its <see cref="Start"/> (its '{{' or '{%'); the content is the text between the delimiters, or the
/// literal text itself; <see cref="End"/> is just past the markup.
/// </summary>
internal readonly record struct LiquidToken(LiquidTokenKind Kind, int Start, int ContentStart, int ContentEnd, int End);
