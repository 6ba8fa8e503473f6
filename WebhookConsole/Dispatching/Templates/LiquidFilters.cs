using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>Every filter a template may use; any other name is rejected when the template is validated.</summary>
internal static class LiquidFilters
{
    private static readonly FrozenDictionary<string, LiquidFilter> ByName = LiquidStringFilters.All
        .Concat(LiquidNumberFilters.All)
        .Concat(LiquidListFilters.All)
        .Append(LiquidDateFilter.Filter)
        .ToFrozenDictionary(filter => filter.Name, StringComparer.Ordinal);

    public static bool TryGet(string name, [MaybeNullWhen(false)] out LiquidFilter filter) => ByName.TryGetValue(name, out filter);
}
