using System.Collections.Concurrent;

namespace WebhookConsole;

/// <summary>
/// Remembers values for a short time, for lookups made on every request whose answer rarely changes (a token's
/// account, an event type's existence, a route). A change made elsewhere is seen once the entry expires; entries
/// found expired are dropped, and the whole map is cleared if it ever grows past <paramref name="maxEntries"/>.
/// A value read from its source while an entry was removed or the cache cleared is not kept (see <see cref="Mark"/>).
/// </summary>
internal sealed class ExpiringCache<TKey, TValue>(TimeSpan lifetime, TimeProvider time, int maxEntries = 10_000)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, long ExpiresAt)> entries = new();

    /// <summary>Bumped by every <see cref="Remove"/> and <see cref="Clear"/>.</summary>
    private long generation;

    public bool TryGet(TKey key, out TValue value)
    {
        if (entries.TryGetValue(key, out var entry))
        {
            if (entry.ExpiresAt > time.GetTimestamp())
            {
                value = entry.Value;
                return true;
            }
            entries.TryRemove(KeyValuePair.Create(key, entry));
        }
        value = default!;
        return false;
    }

    /// <summary>
    /// The value remembered for <paramref name="key"/>, or else the one <paramref name="read"/> gets from its source,
    /// remembered when <paramref name="keep"/> says so (every value when it is null) and, as <see cref="Set"/> does,
    /// only if no entry was removed and the cache not cleared while it was read.
    /// </summary>
    public async ValueTask<TValue> GetOrReadAsync(TKey key, Func<Task<TValue>> read, Func<TValue, bool>? keep = null)
    {
        if (TryGet(key, out var value))
        {
            return value;
        }
        var mark = Mark();
        value = await read();
        if (keep is null || keep(value))
        {
            Set(key, value, mark);
        }
        return value;
    }

    /// <summary>Taken before the value is read from its source, and handed to <see cref="Set"/> with it.</summary>
    public long Mark() => Interlocked.Read(ref generation);

    /// <summary>
    /// Remembers <paramref name="value"/> unless an entry was removed or the cache cleared since <paramref name="mark"/>:
    /// the value may have been read before that change was committed, and would outlive it.
    /// </summary>
    public void Set(TKey key, TValue value, long mark)
    {
        if (Interlocked.Read(ref generation) != mark)
        {
            return;
        }
        if (entries.Count >= maxEntries)
        {
            entries.Clear();
        }
        var entry = (value, time.GetTimestamp() + (long)(lifetime.TotalSeconds * time.TimestampFrequency));
        entries[key] = entry;
        // A change between the check above and the store: take the value back out.
        if (Interlocked.Read(ref generation) != mark)
        {
            entries.TryRemove(KeyValuePair.Create(key, entry));
        }
    }

    public void Remove(TKey key)
    {
        Interlocked.Increment(ref generation);
        entries.TryRemove(key, out _);
    }

    public void Clear()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }
}
