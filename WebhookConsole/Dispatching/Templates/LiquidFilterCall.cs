namespace WebhookConsole.Dispatching.Templates;

/// <summary>A filter as written in a markup, with its compiled arguments.</summary>
internal sealed record LiquidFilterCall(LiquidFilter Filter, Func<LiquidContext, object?>[] Arguments)
{
    public static object? ApplyAll(object? value, LiquidFilterCall[] calls, LiquidContext context)
    {
        foreach (var call in calls)
        {
            var arguments = call.Arguments.Length == 0 ? [] : new object?[call.Arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = call.Arguments[i](context);
            }
            value = call.Filter.Apply(value, arguments);
            context.CheckLength(value);
        }
        return value;
    }
}
