using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Api;
using WebhookConsole.Data;
using WebhookConsole.Dispatching;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Environments;
using WebhookConsole.Features.Events;
using WebhookConsole.Features.Tokens;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Tests.Support;

/// <summary>Arranges webhooks and environments straight in the app's database, and reads deliveries back.</summary>
public sealed class TestData(IServiceProvider services)
{
    internal async Task<WebhookEndpoint> AddWebhookAsync(Guid accountId, string url, Action<WebhookEndpoint>? configure = null, string? secret = null)
    {
        var now = DateTime.UtcNow;
        var webhook = new WebhookEndpoint
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            Name = "test " + url,
            Url = url,
            CreatedAt = now,
            UpdatedAt = now,
        };
        configure?.Invoke(webhook);
        if (webhook.Signing != SigningScheme.None)
        {
            secret ??= WebhookSecrets.Generate(webhook.Signing);
            webhook.SecretProtected = services.GetRequiredService<SecretProtector>().Protect(secret);
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Webhooks.Add(webhook);
        await db.SaveChangesAsync();
        return webhook;
    }

    internal Task<WebhookEnvironment> AddEnvironmentAsync(Guid accountId, string name, params Guid[] webhookIds) =>
        AddEnvironmentAsync(accountId, name, DateTime.UtcNow, webhookIds);

    internal async Task<WebhookEnvironment> AddEnvironmentAsync(Guid accountId, string name, DateTime createdAt, params Guid[] webhookIds)
    {
        var environment = new WebhookEnvironment { Id = Guid.CreateVersion7(), AccountId = accountId, Name = name, CreatedAt = createdAt, UpdatedAt = createdAt };
        environment.Subscriptions.AddRange(webhookIds.Select(id => new EnvironmentSubscription { EnvironmentId = environment.Id, WebhookId = id }));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Environments.Add(environment);
        await db.SaveChangesAsync();
        return environment;
    }

    /// <summary>A second tenant with a token of its own, made the way the console makes them.</summary>
    internal async Task<(Guid AccountId, string Token)> AddAccountWithTokenAsync(string name)
    {
        var account = new Account { Id = Guid.CreateVersion7(), Name = name, CreatedAt = DateTime.UtcNow };
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
        }
        var (_, token) = (await services.GetRequiredService<ApiTokenService>().CreateAsync(account.Id, name + " token", new FieldErrors(), CancellationToken.None))!.Value;
        return (account.Id, token);
    }

    /// <summary>
    /// A finished delivery (and its event) at <paramref name="createdAt"/>, stored directly: the history can be
    /// arranged without sending anything, and the dispatcher leaves finished rows alone.
    /// </summary>
    internal async Task<Delivery> AddFinishedDeliveryAsync(Guid accountId, Guid webhookId, DateTime createdAt,
        DeliveryStatus status = DeliveryStatus.Failed, string eventType = "Call:Hangup", string environment = "ITD2024", bool isTest = false)
    {
        var callEvent = new CallEvent
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            EventId = "evt-" + Guid.NewGuid().ToString("N"),
            EventType = eventType,
            EnvironmentName = environment,
            OccurredAt = createdAt,
            ReceivedAt = createdAt,
            DataJson = """{"uuid": "42"}""",
        };
        var delivery = new Delivery
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            CallEventId = callEvent.Id,
            WebhookId = webhookId,
            EventType = eventType,
            Status = status,
            AttemptCount = 1,
            LastStatusCode = status == DeliveryStatus.Succeeded ? 200 : 500,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            CompletedAt = createdAt,
            IsTest = isTest,
        };
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Events.Add(callEvent);
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery;
    }

    /// <summary>
    /// <paramref name="count"/> failed deliveries of one event, a second apart from <paramref name="first"/> on, saved
    /// at once: a history long enough for the pager's limits without a write per row.
    /// </summary>
    internal async Task AddFinishedDeliveriesAsync(Guid accountId, Guid webhookId, DateTime first, int count)
    {
        var callEvent = new CallEvent
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            EventId = "evt-" + Guid.NewGuid().ToString("N"),
            EventType = "Call:Hangup",
            EnvironmentName = "ITD2024",
            OccurredAt = first,
            ReceivedAt = first,
            DataJson = """{"uuid": "42"}""",
        };
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Events.Add(callEvent);
        db.Deliveries.AddRange(Enumerable.Range(0, count).Select(i => new Delivery
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            CallEventId = callEvent.Id,
            WebhookId = webhookId,
            EventType = callEvent.EventType,
            Status = DeliveryStatus.Failed,
            AttemptCount = 1,
            LastStatusCode = 500,
            CreatedAt = first.AddSeconds(i),
            UpdatedAt = first.AddSeconds(i),
            CompletedAt = first.AddSeconds(i),
        }));
        await db.SaveChangesAsync();
    }

    /// <summary>Everything an API request could change, as text: equal snapshots mean nothing was written.</summary>
    internal async Task<string> SnapshotAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var webhooks = await db.Webhooks.AsNoTracking().OrderBy(w => w.Id).ToListAsync();
        var environments = await db.Environments.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        var subscriptions = await db.EnvironmentSubscriptions.AsNoTracking().OrderBy(s => s.EnvironmentId).ThenBy(s => s.WebhookId).ToListAsync();
        var events = await db.Events.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        var deliveries = await db.Deliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
        return System.Text.Json.JsonSerializer.Serialize(new object[] { webhooks, environments, subscriptions, events, deliveries });
    }

    /// <summary>
    /// One webhook's rows (itself, its subscriptions, its deliveries): for tests whose app also runs other tests'
    /// deliveries in the background, which change other rows meanwhile.
    /// </summary>
    internal async Task<string> SnapshotAsync(Guid webhookId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var webhook = await db.Webhooks.AsNoTracking().SingleAsync(w => w.Id == webhookId);
        var subscriptions = await db.EnvironmentSubscriptions.AsNoTracking().Where(s => s.WebhookId == webhookId).OrderBy(s => s.EnvironmentId).ToListAsync();
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.WebhookId == webhookId).OrderBy(d => d.Id).ToListAsync();
        return System.Text.Json.JsonSerializer.Serialize(new object[] { webhook, subscriptions, deliveries });
    }

    internal async Task<Delivery> DeliveryAsync(Guid id)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    internal async Task<List<DeliveryAttempt>> AttemptsAsync(Guid deliveryId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Attempts.AsNoTracking().Where(a => a.DeliveryId == deliveryId).OrderBy(a => a.Number).ToListAsync();
    }

    internal async Task<WebhookEndpoint> WebhookAsync(Guid id)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Webhooks.AsNoTracking().SingleAsync(w => w.Id == id);
    }

    /// <summary>How many audit entries record a change of the entity.</summary>
    internal async Task<int> AuditCountAsync(Guid entityId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = entityId.ToString();
        return await db.AuditEntries.CountAsync(e => e.EntityId == id);
    }

    internal async Task<int> CountAsync<T>() where T : class
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<T>().CountAsync();
    }

    /// <summary>Polls the database until <paramref name="condition"/> holds for the delivery.</summary>
    internal Task<Delivery> WaitForDeliveryAsync(Guid id, Func<Delivery, bool> condition, TimeSpan timeout, string what) =>
        WaitUntilAsync(() => DeliveryAsync(id), condition, timeout, what, d => $"delivery is {d.Status} after {d.AttemptCount} attempts ({d.LastError})");

    internal Task<WebhookEndpoint> WaitForWebhookAsync(Guid id, Func<WebhookEndpoint, bool> condition, TimeSpan timeout, string what) =>
        WaitUntilAsync(() => WebhookAsync(id), condition, timeout, what, w => $"webhook enabled={w.Enabled}, failures={w.ConsecutiveFailures}");

    private static async Task<T> WaitUntilAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan timeout, string what, Func<T, string> describe)
    {
        var value = default(T)!;
        await Poll.UntilAsync(async () => condition(value = await read()), timeout, () => $"{what}; {describe(value)}");
        return value;
    }
}
