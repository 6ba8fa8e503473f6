namespace WebhookConsole.Dispatching.Templates;

/// <summary>The for tag: for item in collection [reversed] [limit: n] [offset: n] ... [else] ... endfor.</summary>
internal sealed class LiquidLoop(
    string variable,
    Func<LiquidContext, object?> collection,
    Func<LiquidContext, object?>? limit,
    Func<LiquidContext, object?>? offset,
    bool reversed,
    Action<LiquidContext>[] body,
    Action<LiquidContext>[]? otherwise)
{
    public static Action<LiquidContext> Parse(LiquidParser parser, LiquidToken token, LiquidMarkupReader reader)
    {
        var variable = reader.ReadName() ?? throw reader.Error("expected a variable name after 'for'");
        if (!reader.TryKeyword("in"))
        {
            throw reader.Error("expected 'in' after the loop variable");
        }
        var collection = LiquidExpressions.Value(reader);
        var reversed = false;
        Func<LiquidContext, object?>? limit = null;
        Func<LiquidContext, object?>? offset = null;
        while (!reader.AtEnd)
        {
            if (reader.TryKeyword("reversed"))
            {
                reversed = true;
            }
            else if (reader.TryKeyword("limit"))
            {
                reader.Expect(':');
                limit = LiquidExpressions.Value(reader);
            }
            else if (reader.TryKeyword("offset"))
            {
                reader.Expect(':');
                offset = LiquidExpressions.Value(reader);
            }
            else
            {
                throw reader.Unexpected();
            }
        }
        var body = parser.Body(token, "for", ["else", "endfor"], out var endName, out var end);
        end.ExpectEnd();
        Action<LiquidContext>[]? otherwise = null;
        if (endName == "else")
        {
            otherwise = parser.Body(token, "for", ["endfor"], out _, out end);
            end.ExpectEnd();
        }
        return new LiquidLoop(variable, collection, limit, offset, reversed, body, otherwise).Run;
    }

    private void Run(LiquidContext context)
    {
        var items = Items(collection(context));
        var start = offset is null ? 0 : Math.Clamp(LiquidNumbers.ToInt(offset(context)), 0, items.Count);
        var count = items.Count - start;
        if (limit is not null)
        {
            count = Math.Clamp(LiquidNumbers.ToInt(limit(context)), 0, count);
        }
        if (count == 0)
        {
            if (otherwise is not null)
            {
                LiquidParser.Execute(otherwise, context);
            }
            return;
        }
        var state = new ForLoopState(count);
        var slot = context.PushScoped(variable, null);
        context.PushScoped("forloop", state);
        for (var i = 0; i < count; i++)
        {
            context.CountIteration();
            state.Index0 = i;
            context.SetScoped(slot, items[start + (reversed ? count - 1 - i : i)]);
            LiquidParser.Execute(body, context);
            var interrupt = context.Interrupt;
            context.Interrupt = LiquidInterrupt.None;
            if (interrupt == LiquidInterrupt.Break)
            {
                break;
            }
        }
        context.PopScoped(2);
    }

    // A text is looped over once, as a single item; nil and other scalars not at all.
    private static IReadOnlyList<object?> Items(object? value) => value switch
    {
        string text => text.Length == 0 ? [] : [text],
        _ => LiquidValues.AsList(value) ?? [],
    };
}
