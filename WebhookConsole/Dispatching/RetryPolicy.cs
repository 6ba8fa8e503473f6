using Microsoft.Extensions.Options;

namespace WebhookConsole.Dispatching;

/// <summary>When the next attempt of a failed delivery is due.</summary>
internal sealed class RetryPolicy(IOptionsMonitor<DispatcherOptions> options)
{
    private const double Jitter = 0.2;

    /// <summary>
    /// The wait before retry <paramref name="retry"/> (1-based): the schedule's delay with ±20 % jitter, so
    /// a burst of failures does not come back as a burst; a <c>Retry-After</c> on 429/503 is honoured
    /// up to that scheduled delay.
    /// </summary>
    public TimeSpan DelayBefore(int retry, int? statusCode, TimeSpan? retryAfter)
    {
        var scheduled = options.CurrentValue.DelayBeforeRetry(retry);
        if (statusCode is 429 or 503 && retryAfter is { } asked)
        {
            return asked < scheduled ? asked : scheduled;
        }
        var factor = 1 + ((Random.Shared.NextDouble() * 2) - 1) * Jitter;
        return TimeSpan.FromMilliseconds(scheduled.TotalMilliseconds * factor);
    }
}
