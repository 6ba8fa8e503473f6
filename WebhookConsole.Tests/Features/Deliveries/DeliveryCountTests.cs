using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Data.Paging;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Deliveries;

/// <summary>
/// The history's bounded count: exact up to its limit, "more than the limit" past it, with the filters the page offers;
/// run once per database provider by the derived classes.
/// </summary>
public abstract class DeliveryCountTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc);
    private AppFactory app = null!;
    private Guid accountId;
    private DeliveryQueryService queries = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        app = new AppFactory(database: await CreateDatabaseAsync());
        accountId = await app.DefaultAccountIdAsync();
        queries = app.Services.GetRequiredService<DeliveryQueryService>();
        var webhook = await app.Data.AddWebhookAsync(accountId, "http://127.0.0.1:9/never", w => w.Retries = 0);
        for (var i = 0; i < 3; i++)
        {
            await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, T0.AddMinutes(i), DeliveryStatus.Failed);
        }
        await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, T0.AddMinutes(3), DeliveryStatus.Succeeded, isTest: true);
        await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, T0.AddMinutes(4), DeliveryStatus.Failed, isTest: true);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData(null, 10, 5, false)]
    [InlineData(null, 5, 5, false)]
    [InlineData(null, 4, 4, true)]
    [InlineData(null, 0, 0, true)]
    [InlineData(true, 10, 2, false)]
    [InlineData(true, 1, 1, true)]
    [InlineData(false, 3, 3, false)]
    [InlineData(false, 2, 2, true)]
    public async Task CountUpTo_IsExactUpToTheLimit_AndSaysMorePastIt(bool? test, int limit, int counted, bool more)
    {
        var count = await queries.CountUpToAsync(accountId, new DeliveryFilter(Test: test), limit, CancellationToken.None);

        Assert.Equal(new BoundedCount(counted, more), count);
    }

    [Fact]
    public async Task CountUpTo_CountsWithEveryFilter_LikeTheExactCount()
    {
        var filter = new DeliveryFilter(Status: DeliveryStatus.Failed, Test: false, Since: T0.AddMinutes(1));

        var bounded = await queries.CountUpToAsync(accountId, filter, 100, CancellationToken.None);
        var exact = await queries.CountAsync(accountId, filter, CancellationToken.None);

        Assert.Equal(new BoundedCount(2, false), bounded);
        Assert.Equal(2, exact);
    }
}
