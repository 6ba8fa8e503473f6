namespace WebhookConsole.Dispatching.Templates;

/// <summary>Compiles Liquid expressions (values, comparisons, and/or, filter chains) into delegates.</summary>
internal static class LiquidExpressions
{
    private static readonly string[] Operators = ["==", "!=", "<>", "<=", ">=", "<", ">"];

    /// <summary>A condition: comparisons joined by and/or, which Liquid groups from the right.</summary>
    public static Func<LiquidContext, object?> Condition(LiquidMarkupReader reader)
    {
        reader.Enter();
        var left = Comparison(reader);
        var condition = left;
        if (reader.TryKeyword("and"))
        {
            var right = Condition(reader);
            condition = context => LiquidValues.IsTruthy(left(context)) && LiquidValues.IsTruthy(right(context));
        }
        else if (reader.TryKeyword("or"))
        {
            var right = Condition(reader);
            condition = context => LiquidValues.IsTruthy(left(context)) || LiquidValues.IsTruthy(right(context));
        }
        reader.Leave();
        return condition;
    }

    public static LiquidFilterCall[] Filters(LiquidMarkupReader reader)
    {
        var calls = new List<LiquidFilterCall>();
        while (reader.TryChar('|'))
        {
            var name = reader.ReadName() ?? throw reader.Error("expected a filter name after '|'");
            if (!LiquidFilters.TryGet(name, out var filter))
            {
                throw reader.Error($"unknown filter '{name}'");
            }
            var arguments = new List<Func<LiquidContext, object?>>();
            if (reader.TryChar(':'))
            {
                do
                {
                    arguments.Add(Value(reader));
                }
                while (reader.TryChar(','));
            }
            if (arguments.Count < filter.MinArguments || arguments.Count > filter.MaxArguments)
            {
                var expected = filter.MinArguments == filter.MaxArguments
                    ? $"{filter.MinArguments}"
                    : $"{filter.MinArguments} to {filter.MaxArguments}";
                throw reader.Error($"filter '{name}' takes {expected} argument(s), not {arguments.Count}");
            }
            calls.Add(new LiquidFilterCall(filter, [.. arguments]));
        }
        return [.. calls];
    }

    public static Func<LiquidContext, object?> Value(LiquidMarkupReader reader)
    {
        reader.SkipSpaces();
        var first = reader.Current;
        if (first is '\'' or '"')
        {
            var open = reader.Position++;
            var close = reader.IndexOf(first);
            if (close < 0)
            {
                reader.Position = open;
                throw reader.Error("a string literal is not closed");
            }
            var text = reader.Slice(open + 1, close);
            reader.Position = close + 1;
            return _ => text;
        }
        if (char.IsAsciiDigit(first) || (first == '-' && char.IsAsciiDigit(reader.Next)))
        {
            return Number(reader);
        }
        if (first == '(')
        {
            return Range(reader);
        }
        if (first == '[' || first == '_' || char.IsLetter(first))
        {
            return LiquidVariables.Compile(reader);
        }
        throw reader.AtEnd ? reader.Error("expected a value") : reader.Unexpected();
    }

    private static Func<LiquidContext, object?> Comparison(LiquidMarkupReader reader)
    {
        var left = Value(reader);
        reader.SkipSpaces();
        var operation = Array.Find(Operators, reader.StartsWith);
        if (operation is not null)
        {
            reader.Position += operation.Length;
        }
        else if (reader.TryKeyword("contains"))
        {
            operation = "contains";
        }
        else
        {
            return left;
        }
        var right = Value(reader);
        return operation switch
        {
            "==" => context => LiquidComparer.AreEqual(left(context), right(context)),
            "!=" or "<>" => context => !LiquidComparer.AreEqual(left(context), right(context)),
            "<" => context => LiquidComparer.Compare(left(context), right(context), order => order < 0),
            ">" => context => LiquidComparer.Compare(left(context), right(context), order => order > 0),
            "<=" => context => LiquidComparer.Compare(left(context), right(context), order => order <= 0),
            ">=" => context => LiquidComparer.Compare(left(context), right(context), order => order >= 0),
            _ => context => LiquidComparer.Contains(left(context), right(context)),
        };
    }

    private static Func<LiquidContext, object?> Number(LiquidMarkupReader reader)
    {
        var start = reader.Position++;
        SkipDigits(reader);
        if (reader.Current == '.' && char.IsAsciiDigit(reader.Next))
        {
            reader.Position++;
            SkipDigits(reader);
        }
        if (LiquidMarkupReader.IsNamePart(reader.Current))
        {
            reader.Position = start;
            throw reader.Unexpected();
        }
        var number = LiquidNumbers.Parse(reader.Slice(start, reader.Position)) ?? throw reader.Error("a number is out of range");
        return _ => number;
    }

    private static void SkipDigits(LiquidMarkupReader reader)
    {
        while (char.IsAsciiDigit(reader.Current))
        {
            reader.Position++;
        }
    }

    private static Func<LiquidContext, object?> Range(LiquidMarkupReader reader)
    {
        reader.Enter();
        reader.Position++;
        var from = Value(reader);
        reader.SkipSpaces();
        if (!reader.StartsWith(".."))
        {
            throw reader.Error("expected '..' in a range");
        }
        reader.Position += 2;
        var to = Value(reader);
        reader.Expect(')');
        reader.Leave();
        return context => LiquidRange.Create(LiquidNumbers.ToInt(from(context)), LiquidNumbers.ToInt(to(context)), context.MaxIterations);
    }
}
