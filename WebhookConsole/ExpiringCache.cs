using System.Collections.Concurrent;

namespace WebhookConsole;

/// <summary>
/// Remembers values for a short time, for lookups made on every request whose answer rarely changes (a token's
/// account, an event type's existence). A change made elsewhere is seen once the entry expires; entries found
/// expired are dropped, and the whole map is cleared if it ever grows past <paramref name="maxEntries"/>.
/// </summary>
internal sealed class ExpiringCache<TKey, TValue>(TimeSpan lifetime, TimeProvider time, int maxEntries = 10_000)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, long ExpiresAt)> entries = new();

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

    public void Set(TKey key, TValue value)
    {
        if (entries.Count >= maxEntries)
        {
            entries.Clear();
        }
        entries[key] = (value, time.GetTimestamp() + (long)(lifetime.TotalSeconds * time.TimestampFrequency));
    }

    public void Remove(TKey key) => entries.TryRemove(key, out _);

    public void Clear() => entries.Clear();
}
