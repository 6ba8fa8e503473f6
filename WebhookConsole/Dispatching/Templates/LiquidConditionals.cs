namespace WebhookConsole.Dispatching.Templates;

/// <summary>The if, unless and case tags.</summary>
internal static class LiquidConditionals
{
    public static Action<LiquidContext> If(LiquidParser parser, LiquidToken token, string name, LiquidMarkupReader reader)
    {
        var conditions = new List<Func<LiquidContext, object?>>();
        var bodies = new List<Action<LiquidContext>[]>();
        Action<LiquidContext>[]? otherwise = null;
        var condition = LiquidExpressions.Condition(reader);
        reader.ExpectEnd();
        while (true)
        {
            conditions.Add(condition);
            bodies.Add(parser.Body(token, name, ["elsif", "else", "end" + name], out var endName, out var end));
            if (endName == "elsif")
            {
                condition = LiquidExpressions.Condition(end);
                end.ExpectEnd();
                continue;
            }
            end.ExpectEnd();
            if (endName == "else")
            {
                otherwise = parser.Body(token, name, ["end" + name], out _, out end);
                end.ExpectEnd();
            }
            break;
        }
        var tests = conditions.ToArray();
        var branches = bodies.ToArray();
        // unless is an if whose first condition is negated.
        var negateFirst = name == "unless";
        return context =>
        {
            for (var i = 0; i < tests.Length; i++)
            {
                if (LiquidValues.IsTruthy(tests[i](context)) != (negateFirst && i == 0))
                {
                    LiquidParser.Execute(branches[i], context);
                    return;
                }
            }
            if (otherwise is not null)
            {
                LiquidParser.Execute(otherwise, context);
            }
        };
    }

    public static Action<LiquidContext> Case(LiquidParser parser, LiquidToken token, LiquidMarkupReader reader)
    {
        var subject = LiquidExpressions.Value(reader);
        reader.ExpectEnd();
        // Whatever stands between case and the first when is never rendered.
        parser.Body(token, "case", ["when", "else", "endcase"], out var endName, out var end);
        var whens = new List<(Func<LiquidContext, object?>[] Values, Action<LiquidContext>[] Body)>();
        Action<LiquidContext>[]? otherwise = null;
        while (endName == "when")
        {
            var values = new List<Func<LiquidContext, object?>>();
            do
            {
                values.Add(LiquidExpressions.Value(end));
            }
            while (end.TryChar(',') || end.TryKeyword("or"));
            end.ExpectEnd();
            whens.Add(([.. values], parser.Body(token, "case", ["when", "else", "endcase"], out endName, out end)));
        }
        if (endName == "else")
        {
            end.ExpectEnd();
            otherwise = parser.Body(token, "case", ["endcase"], out _, out end);
        }
        end.ExpectEnd();
        var branches = whens.ToArray();
        return context => RunCase(subject(context), branches, otherwise, context);
    }

    // As in Liquid, every when that matches is rendered; else only when none did.
    private static void RunCase(
        object? subject,
        (Func<LiquidContext, object?>[] Values, Action<LiquidContext>[] Body)[] branches,
        Action<LiquidContext>[]? otherwise,
        LiquidContext context)
    {
        var matched = false;
        foreach (var (values, body) in branches)
        {
            if (values.Any(value => LiquidComparer.AreEqual(subject, value(context))))
            {
                matched = true;
                LiquidParser.Execute(body, context);
            }
        }
        if (!matched && otherwise is not null)
        {
            LiquidParser.Execute(otherwise, context);
        }
    }
}
