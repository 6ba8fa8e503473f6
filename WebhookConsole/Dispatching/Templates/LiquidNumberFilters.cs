namespace WebhookConsole.Dispatching.Templates;

/// <summary>The math filters; their input and arguments are taken as numbers, a non-number being 0.</summary>
internal static class LiquidNumberFilters
{
    public static IReadOnlyList<LiquidFilter> All { get; } =
    [
        new("plus", 1, 1, (input, args) => LiquidNumbers.Arithmetic(input, args[0], '+')),
        new("minus", 1, 1, (input, args) => LiquidNumbers.Arithmetic(input, args[0], '-')),
        new("times", 1, 1, (input, args) => LiquidNumbers.Arithmetic(input, args[0], '*')),
        new("divided_by", 1, 1, (input, args) => LiquidNumbers.Arithmetic(input, args[0], '/')),
        new("modulo", 1, 1, (input, args) => LiquidNumbers.Arithmetic(input, args[0], '%')),
        new("round", 0, 1, Round),
        new("ceil", 0, 0, (input, _) => Map(input, decimal.Ceiling, Math.Ceiling)),
        new("floor", 0, 0, (input, _) => Map(input, decimal.Floor, Math.Floor)),
        new("abs", 0, 0, (input, _) => Map(input, Math.Abs, Math.Abs)),
        new("at_least", 1, 1, (input, args) => Bound(input, args[0], least: true)),
        new("at_most", 1, 1, (input, args) => Bound(input, args[0], least: false)),
    ];

    private static object Round(object? input, object?[] args)
    {
        // Liquid rounds half away from zero; decimal cannot keep more than 28 places, double not more than 15.
        var digits = args.Length > 0 ? Math.Clamp(LiquidNumbers.ToInt(args[0]), 0, 28) : 0;
        return Map(
            input,
            exact => Math.Round(exact, digits, MidpointRounding.AwayFromZero),
            real => Math.Round(real, Math.Min(digits, 15), MidpointRounding.AwayFromZero));
    }

    private static object Map(object? input, Func<decimal, decimal> exact, Func<double, double> real) =>
        LiquidNumbers.ToNumber(input) switch
        {
            decimal number => exact(number),
            var number => real((double)number),
        };

    private static object Bound(object? input, object? limit, bool least)
    {
        var number = LiquidNumbers.ToNumber(input);
        var bound = LiquidNumbers.ToNumber(limit);
        var compared = LiquidNumbers.Compare(number, bound);
        return (least ? compared < 0 : compared > 0) ? bound : number;
    }
}
