using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebhookConsole.Dispatching;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching;

/// <summary>The dispatcher's settings as the app binds them, over its settings file.</summary>
[Collection(AppCollection.Name)]
public sealed class DispatcherSettingsTests
{
    [Fact]
    public async Task RetryDelays_GivenItemByItem_AreTheWholeSchedule()
    {
        // As Dispatcher__RetryDelays__0=2 and Dispatcher__RetryDelays__1=3 in the environment.
        await using var app = new AppFactory(new Dictionary<string, string?>
        {
            ["Dispatcher:RetryDelays:0"] = "2",
            ["Dispatcher:RetryDelays:1"] = "3",
        });

        var options = app.Services.GetRequiredService<IOptions<DispatcherOptions>>().Value;

        Assert.Equal([2, 3], options.RetryDelays);
        Assert.Equal(TimeSpan.FromSeconds(3), options.DelayBeforeRetry(5));
    }

    [Fact]
    public void RetryDelays_AreTheDocumentedDefaults_WhenNoneAreGiven()
    {
        var options = new DispatcherOptions();

        Assert.Equal(
            [5, 30, 120, 600, 1800, 3600, 7200, 14400, 28800, 43200],
            Enumerable.Range(1, 11).Select(retry => (int)options.DelayBeforeRetry(retry).TotalSeconds).SkipLast(1));
        Assert.Equal(TimeSpan.FromSeconds(43200), options.DelayBeforeRetry(11));
    }
}
