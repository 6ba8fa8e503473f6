namespace WebhookConsole.Dispatching.Templates;

/// <summary>
/// Compiles a variable path: a name or ["key"], then .field, [index] (negative counts from the end) or [variable]
/// steps; true, false, nil, null, empty and blank alone are literals.
/// </summary>
internal static class LiquidVariables
{
    public static Func<LiquidContext, object?> Compile(LiquidMarkupReader reader)
    {
        reader.Enter();
        var root = reader.Current == '[' ? null : reader.ReadName();
        var rootKey = root is null ? Index(reader) : null;
        var path = new List<(string? Name, Func<LiquidContext, object?>? Key)>();
        while (true)
        {
            // A dot followed by a dot is the '..' of a range, not a field.
            if (reader.Current == '.' && reader.Next != '.')
            {
                reader.Position++;
                if (!(char.IsLetter(reader.Current) || reader.Current == '_'))
                {
                    throw reader.Error("expected a field name after '.'");
                }
                path.Add((reader.ReadName(), null));
            }
            else if (reader.Current == '[')
            {
                path.Add((null, Index(reader)));
            }
            else
            {
                break;
            }
        }
        reader.Leave();
        if (path.Count == 0 && root is not null && IsLiteral(root, out var literal))
        {
            return _ => literal;
        }
        var steps = path.ToArray();
        return context =>
        {
            var value = root is not null ? context.Lookup(root) : context.Lookup(LiquidValues.ToText(rootKey!(context)));
            foreach (var (name, key) in steps)
            {
                if (value is null)
                {
                    return null;
                }
                value = LiquidValues.Member(value, name ?? key!(context));
            }
            return value;
        };
    }

    private static Func<LiquidContext, object?> Index(LiquidMarkupReader reader)
    {
        reader.Position++;
        var key = LiquidExpressions.Value(reader);
        reader.Expect(']');
        return key;
    }

    private static bool IsLiteral(string name, out object? value)
    {
        value = name switch
        {
            "true" => true,
            "false" => false,
            "empty" => LiquidValues.EmptyLiteral,
            "blank" => LiquidValues.BlankLiteral,
            _ => null,
        };
        return value is not null || name is "nil" or "null";
    }
}
