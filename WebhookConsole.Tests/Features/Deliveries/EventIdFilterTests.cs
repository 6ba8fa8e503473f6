using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Data;
using WebhookConsole.Data.Paging;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Deliveries;

/// <summary>
/// The history's filter by the start of the event id finds the same deliveries, newest first and of the account only,
/// whichever way the page is read; the count and the live view's check agree with it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EventIdFilterTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 2, 1, 8, 0, 0, DateTimeKind.Utc);
    private readonly AppFactory app = new();
    private Guid accountId;
    private readonly List<(Delivery Delivery, string EventId)> deliveries = [];

    public async Task InitializeAsync()
    {
        accountId = await app.DefaultAccountIdAsync();
        var (otherAccount, _) = await app.Data.AddAccountWithTokenAsync("Other");
        var webhook = await app.Data.AddWebhookAsync(accountId, "http://127.0.0.1:9/never");
        var otherWebhook = await app.Data.AddWebhookAsync(otherAccount, "http://127.0.0.1:9/never");
        string[] eventIds = ["call-0012", "call-00120", "call-00121", "call-0013", "Call-00122", "call-001", "xcall-0012"];
        for (var i = 0; i < eventIds.Length; i++)
        {
            var delivery = await app.Data.AddFinishedDeliveryAsync(accountId, webhook.Id, T0.AddMinutes(i), i % 2 == 0 ? DeliveryStatus.Failed : DeliveryStatus.Succeeded);
            await SetEventIdAsync(delivery, eventIds[i]);
            deliveries.Add((delivery, eventIds[i]));
        }
        // The same id in another account is not this account's.
        await SetEventIdAsync(await app.Data.AddFinishedDeliveryAsync(otherAccount, otherWebhook.Id, T0.AddMinutes(30)), "call-00129");
    }

    private async Task SetEventIdAsync(Delivery delivery, string eventId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Events.Where(e => e.Id == delivery.CallEventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.EventId, eventId));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("call-0012", null)]
    [InlineData(" call-0012 ", null)]
    [InlineData("call-0012", DeliveryStatus.Failed)]
    [InlineData("call-00", null)]
    [InlineData("call-00120", null)]
    [InlineData("nothing", null)]
    public async Task BothWaysOfReadingAPage_TheCountAndTheLiveCheck_FindTheSameDeliveries(string text, DeliveryStatus? status)
    {
        var filter = new DeliveryFilter(EventId: text, Status: status);
        var expected = deliveries
            .Where(d => d.EventId.StartsWith(text.Trim(), StringComparison.Ordinal) && (status is null || d.Delivery.Status == status))
            .OrderByDescending(d => d.Delivery.CreatedAt).Select(d => d.Delivery.Id).ToList();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var queries = app.Services.GetRequiredService<DeliveryQueryService>();

        var fromEvents = await DeliveryQueryService.PageQuery(db, accountId, filter, PageRequest.First, EventIdLookup.FromEvents).Select(d => d.Id).ToListAsync();
        var alongHistory = await DeliveryQueryService.PageQuery(db, accountId, filter, PageRequest.First, EventIdLookup.AlongHistory).Select(d => d.Id).ToListAsync();
        var listed = (await queries.ListAsync(accountId, filter, PageRequest.First, CancellationToken.None)).Items.Select(v => v.Delivery.Id).ToList();
        var count = await queries.CountAsync(accountId, filter, CancellationToken.None);
        var found = await queries.FindAsync(accountId, filter, [.. deliveries.Select(d => d.Delivery.Id)], CancellationToken.None);

        Assert.Equal(expected, fromEvents);
        Assert.Equal(expected, alongHistory);
        Assert.Equal(expected, listed);
        Assert.Equal(expected.Count, count);
        Assert.Equal(expected, found.Select(v => v.Delivery.Id));
    }
}
