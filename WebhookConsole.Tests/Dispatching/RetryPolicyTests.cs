using Microsoft.Extensions.Options;
using WebhookConsole.Dispatching;

namespace WebhookConsole.Tests.Dispatching;

public sealed class RetryPolicyTests
{
    private static RetryPolicy Policy(params int[] delays) =>
        new(new StaticOptionsMonitor(new DispatcherOptions { RetryDelays = delays }));

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 100)]
    [InlineData(3, 1000)]
    [InlineData(7, 1000)]
    public void DelayBefore_FollowsScheduleWithinJitter_WhenNoRetryAfter(int retry, int scheduledSeconds)
    {
        var policy = Policy(10, 100, 1000);

        for (var i = 0; i < 200; i++)
        {
            var delay = policy.DelayBefore(retry, 500, null);
            Assert.InRange(delay.TotalSeconds, scheduledSeconds * 0.8, scheduledSeconds * 1.2);
        }
    }

    [Fact]
    public void DelayBefore_UsesDefaults_WhenScheduleIsEmpty()
    {
        var delay = Policy().DelayBefore(1, null, null);

        Assert.InRange(delay.TotalSeconds, 4, 6);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public void DelayBefore_HonoursRetryAfter_WhenShorterThanScheduledDelay(int status)
    {
        var delay = Policy(60).DelayBefore(1, status, TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), delay);
    }

    [Fact]
    public void DelayBefore_CapsRetryAfterAtScheduledDelay_WhenRetryAfterIsLonger()
    {
        var delay = Policy(60).DelayBefore(1, 429, TimeSpan.FromHours(5));

        Assert.Equal(TimeSpan.FromSeconds(60), delay);
    }

    [Fact]
    public void DelayBefore_IgnoresRetryAfter_WhenStatusIsNot429Or503()
    {
        var delay = Policy(60).DelayBefore(1, 500, TimeSpan.FromSeconds(1));

        Assert.InRange(delay.TotalSeconds, 48, 72);
    }

    private sealed class StaticOptionsMonitor(DispatcherOptions value) : IOptionsMonitor<DispatcherOptions>
    {
        public DispatcherOptions CurrentValue => value;

        public DispatcherOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<DispatcherOptions, string?> listener) => null;
    }
}
