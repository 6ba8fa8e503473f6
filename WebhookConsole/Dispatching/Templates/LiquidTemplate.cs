using System.Text.Json.Nodes;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>
/// One compiled Liquid text (a string value of a body template). A text that is exactly one output without
/// filters renders as the value itself, with its JSON type; anything else renders as a string.
/// </summary>
internal sealed class LiquidTemplate
{
    private readonly Action<LiquidContext>[] _nodes;
    private readonly Func<LiquidContext, object?>? _lone;

    private LiquidTemplate(Action<LiquidContext>[] nodes, Func<LiquidContext, object?>? lone)
    {
        _nodes = nodes;
        _lone = lone;
    }

    /// <summary>Compiles <paramref name="source"/>; throws <see cref="TemplateSyntaxException"/> at an offset of it.</summary>
    public static LiquidTemplate Parse(string source)
    {
        var tokens = LiquidTokenizer.Tokenize(source);
        var parser = new LiquidParser(source, tokens);
        if (tokens is [{ Kind: LiquidTokenKind.Output, Start: 0 } only] && only.End == source.Length)
        {
            var reader = parser.Reader(only);
            if (!reader.AtEnd)
            {
                var value = LiquidExpressions.Value(reader);
                if (reader.AtEnd)
                {
                    return new LiquidTemplate([], value);
                }
            }
        }
        return new LiquidTemplate(parser.ParseAll(), null);
    }

    public JsonNode? Render(LiquidContext context)
    {
        context.Begin();
        if (_lone is not null)
        {
            return LiquidValues.ToNode(_lone(context));
        }
        LiquidParser.Execute(_nodes, context);
        return JsonValue.Create(context.TakeOutput());
    }
}
