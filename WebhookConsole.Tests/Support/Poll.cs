namespace WebhookConsole.Tests.Support;

/// <summary>Waits for a condition the test cannot be woken by, checking it every 20 ms.</summary>
public static class Poll
{
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, () => what);

    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        UntilAsync(condition, timeout, () => what);

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> what) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what);

    /// <summary>As the others; <paramref name="what"/> is asked only on a timeout, so it can tell the state last seen.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what()}.");
            }
            await Task.Delay(20);
        }
    }
}
