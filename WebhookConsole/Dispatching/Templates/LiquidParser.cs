namespace WebhookConsole.Dispatching.Templates;

/// <summary>
/// Parses the tokens of one Liquid text into compiled nodes. Tags: if/elsif/else, unless, case/when, for (limit,
/// offset, reversed, else), break, continue, assign, capture, echo, raw and comment. Any other tag, include and
/// render among them, is an error: a template can never reach a file.
/// </summary>
internal sealed class LiquidParser(string source, List<LiquidToken> tokens)
{
    private const int MaxNesting = 32;
    private static readonly string[] ClosingTags =
        ["else", "elsif", "endif", "endunless", "endfor", "when", "endcase", "endcapture", "endraw", "endcomment"];

    private int _next;
    private int _nesting;

    public Action<LiquidContext>[] ParseAll() => ParseBlock(null, "", [], out _, out _);

    public static void Execute(Action<LiquidContext>[] nodes, LiquidContext context)
    {
        foreach (var node in nodes)
        {
            node(context);
            if (context.Interrupt != LiquidInterrupt.None)
            {
                return;
            }
        }
    }

    public LiquidMarkupReader Reader(LiquidToken token) => new(source, token.ContentStart, token.ContentEnd, token.Start);

    private Action<LiquidContext>[] ParseBlock(
        LiquidToken? opener, string openerName, string[] terminators, out string endName, out LiquidMarkupReader endReader)
    {
        var nodes = new List<Action<LiquidContext>>();
        while (_next < tokens.Count)
        {
            var token = tokens[_next++];
            if (token.Kind == LiquidTokenKind.Text)
            {
                var text = source[token.ContentStart..token.ContentEnd];
                nodes.Add(context => context.Write(text));
                continue;
            }
            var reader = Reader(token);
            if (token.Kind == LiquidTokenKind.Output)
            {
                nodes.Add(Output(reader));
                continue;
            }
            var name = reader.ReadName() ?? "";
            if (terminators.Contains(name))
            {
                endName = name;
                endReader = reader;
                return [.. nodes];
            }
            nodes.Add(Tag(token, name, reader));
        }
        if (opener is { } open)
        {
            throw new TemplateSyntaxException(open.Start, $"'{openerName}' tag was never closed");
        }
        endName = "";
        endReader = Reader(default);
        return [.. nodes];
    }

    private static Action<LiquidContext> Output(LiquidMarkupReader reader)
    {
        if (reader.AtEnd)
        {
            throw reader.Error("the output is empty");
        }
        var value = LiquidExpressions.Value(reader);
        var filters = LiquidExpressions.Filters(reader);
        reader.ExpectEnd();
        return context => context.Write(LiquidValues.ToText(LiquidFilterCall.ApplyAll(value(context), filters, context)));
    }

    private Action<LiquidContext> Tag(LiquidToken token, string name, LiquidMarkupReader reader)
    {
        switch (name)
        {
            case "if" or "unless":
                return LiquidConditionals.If(this, token, name, reader);
            case "for":
                return LiquidLoop.Parse(this, token, reader);
            case "case":
                return LiquidConditionals.Case(this, token, reader);
            case "echo":
                return Output(reader);
            case "assign":
                var variable = reader.ReadName() ?? throw reader.Error("expected a variable name after 'assign'");
                reader.Expect('=');
                var value = LiquidExpressions.Value(reader);
                var filters = LiquidExpressions.Filters(reader);
                reader.ExpectEnd();
                return context => context.Assign(variable, LiquidFilterCall.ApplyAll(value(context), filters, context));
            case "capture":
                var captured = reader.ReadName() ?? throw reader.Error("expected a variable name after 'capture'");
                reader.ExpectEnd();
                var body = Body(token, name, ["endcapture"], out _, out var end);
                end.ExpectEnd();
                return context => context.Assign(captured, context.Capture(inner => Execute(body, inner)));
            case "break" or "continue":
                reader.ExpectEnd();
                var interrupt = name == "break" ? LiquidInterrupt.Break : LiquidInterrupt.Continue;
                return context => context.Interrupt = interrupt;
            case "":
                throw reader.Error("a tag has no name");
            default:
                throw reader.Error(ClosingTags.Contains(name) ? $"unexpected '{name}'" : $"unknown tag '{name}'");
        }
    }

    /// <summary>A block body up to one of <paramref name="terminators"/>; its opener is reported if none comes.</summary>
    public Action<LiquidContext>[] Body(
        LiquidToken opener, string openerName, string[] terminators, out string endName, out LiquidMarkupReader endReader)
    {
        if (++_nesting > MaxNesting)
        {
            throw new TemplateSyntaxException(opener.Start, "blocks are nested too deeply");
        }
        var body = ParseBlock(opener, openerName, terminators, out endName, out endReader);
        _nesting--;
        return body;
    }
}
