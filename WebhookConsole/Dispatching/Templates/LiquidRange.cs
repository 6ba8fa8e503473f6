using System.Collections;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>A (first..last) range: a list whose items are computed, so a loop over it allocates nothing.</summary>
internal sealed class LiquidRange : IReadOnlyList<object?>
{
    private readonly long _first;

    private LiquidRange(long first, int count)
    {
        _first = first;
        Count = count;
    }

    public int Count { get; }

    public object? this[int index] => (decimal)(_first + index);

    /// <summary>The range, refused when it has more items than one render may ever loop over.</summary>
    public static LiquidRange Create(long first, long last, int maxCount)
    {
        var count = Math.Max(0, last - first + 1);
        if (count > maxCount)
        {
            throw new TemplateRenderException($"the range ({first}..{last}) has more than {maxCount} items");
        }
        return new LiquidRange(first, (int)count);
    }

    public IEnumerator<object?> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
