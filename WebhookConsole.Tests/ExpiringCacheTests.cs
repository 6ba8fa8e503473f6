using Microsoft.Extensions.Time.Testing;

namespace WebhookConsole.Tests;

/// <summary>The short-lived cache behind the token, event type and route lookups.</summary>
public sealed class ExpiringCacheTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider time = new();
    private int reads;

    [Fact]
    public async Task GetOrReadAsync_ReadsOnceAndRemembers_UntilTheEntryExpires()
    {
        var cache = new ExpiringCache<string, string>(Lifetime, time);

        Assert.Equal("a-1", await cache.GetOrReadAsync("a", () => Read("a")));
        Assert.Equal("a-1", await cache.GetOrReadAsync("a", () => Read("a")));
        time.Advance(Lifetime + TimeSpan.FromMilliseconds(1));

        Assert.Equal("a-2", await cache.GetOrReadAsync("a", () => Read("a")));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task GetOrReadAsync_ReadsEachTime_WhenKeepRefusesTheValue()
    {
        var cache = new ExpiringCache<string, string>(Lifetime, time);

        await cache.GetOrReadAsync("a", () => Read("a"), keep: value => value != "a-1");
        var second = await cache.GetOrReadAsync("a", () => Read("a"), keep: value => value != "a-1");
        var third = await cache.GetOrReadAsync("a", () => Read("a"));

        Assert.Equal("a-2", second);
        Assert.Equal("a-2", third);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task GetOrReadAsync_DoesNotRemember_WhenTheCacheIsClearedDuringTheRead()
    {
        var cache = new ExpiringCache<string, string>(Lifetime, time);

        var first = await cache.GetOrReadAsync("a", () =>
        {
            // A change committed while the value was read: what was read may predate it.
            cache.Clear();
            return Read("a");
        });
        var second = await cache.GetOrReadAsync("a", () => Read("a"));

        Assert.Equal("a-1", first);
        Assert.Equal("a-2", second);
    }

    [Fact]
    public async Task GetOrReadAsync_DoesNotRemember_WhenAnyEntryIsRemovedDuringTheRead()
    {
        var cache = new ExpiringCache<string, string>(Lifetime, time);

        await cache.GetOrReadAsync("a", () =>
        {
            cache.Remove("b");
            return Read("a");
        });

        Assert.False(cache.TryGet("a", out _));
    }

    private Task<string> Read(string key) => Task.FromResult($"{key}-{++reads}");
}
