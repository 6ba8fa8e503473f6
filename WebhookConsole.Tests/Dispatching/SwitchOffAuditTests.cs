using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Dispatching;
using WebhookConsole.Features.Audit;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Events;
using WebhookConsole.Features.Webhooks;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching;

/// <summary>
/// The audit entry of an automatic switch-off, written by the attempt writer itself, with nothing run after the
/// commit (as when the process is killed right then); run once per database provider by the derived classes.
/// </summary>
public abstract class SwitchOffAuditTests : IAsyncLifetime
{
    private AppFactory app = null!;
    private Guid accountId;

    public async Task InitializeAsync()
    {
        app = new AppFactory(database: await CreateDatabaseAsync());
        accountId = await app.DefaultAccountIdAsync();
    }

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task WriteAsync_CommitsTheSwitchOffsAuditEntryWithTheAttempt_WhenNothingRunsAfterTheCommit()
    {
        var webhook = await app.Data.AddWebhookAsync(accountId, "https://receiver.example/gone", w => w.HeadersJson = """{"Authorization":"Bearer s3cr3t-t0ken"}""");

        var written = await WriteGoneAttemptAsync(webhook);

        Assert.True(written.DisabledWebhook);
        var entry = Assert.Single(await EntriesAsync(webhook.Id));
        Assert.Equal((AuditActions.WebhookDisabled, AuditActor.System), (entry.Action, entry.Actor));
        Assert.Equal((AuditEntityTypes.Webhook, webhook.Name, (Guid?)accountId), (entry.EntityType, entry.EntityName, entry.AccountId));
        // What the audit page showed when the entry was written after the commit, from the webhook read back then.
        var stored = await app.Data.WebhookAsync(webhook.Id);
        var after = AuditSnapshot.Of(stored);
        after.Json["enabled"] = false;
        after.Json["disabled_reason"] = "the receiver answered 410 Gone";
        var before = AuditSnapshot.Of(stored);
        before.Json["enabled"] = true;
        before.Json["disabled_reason"] = null;
        before.Json.Remove("updated");
        Assert.Equal(before.Json.ToJsonString(), entry.BeforeJson);
        Assert.Equal(after.Json.ToJsonString(), entry.AfterJson);
        Assert.DoesNotContain("s3cr3t-t0ken", entry.AfterJson);
    }

    [Fact]
    public async Task AfterDisabledAsync_AddsNoSecondEntry_WhenTheAttemptsTransactionAuditedTheSwitchOff()
    {
        var webhook = await app.Data.AddWebhookAsync(accountId, "https://receiver.example/gone");
        var written = await WriteGoneAttemptAsync(webhook);
        Assert.True(written.DisabledWebhook);

        await app.Services.GetRequiredService<WebhookHealth>().AfterDisabledAsync(webhook.Id, "the receiver answered 410 Gone", CancellationToken.None);

        Assert.Single(await EntriesAsync(webhook.Id));
    }

    [Fact]
    public async Task WriteAsync_AuditsNothing_WhenTheWebhookWasAlreadyDisabled()
    {
        var webhook = await app.Data.AddWebhookAsync(accountId, "https://receiver.example/gone", w => { w.Enabled = false; w.DisabledReason = "by hand"; });

        var written = await WriteGoneAttemptAsync(webhook);

        Assert.False(written.DisabledWebhook);
        Assert.Empty(await EntriesAsync(webhook.Id));
        Assert.Equal("by hand", (await app.Data.WebhookAsync(webhook.Id)).DisabledReason);
    }

    /// <summary>
    /// Stores a delivery leased by this node, as a worker holds it while sending, and writes its attempt answered
    /// 410 straight through the writer: the recorder's step after the commit never runs.
    /// </summary>
    private async Task<AttemptWritten> WriteGoneAttemptAsync(WebhookEndpoint webhook)
    {
        var now = DateTime.UtcNow;
        var node = app.Services.GetRequiredService<NodeIdentity>();
        var callEvent = new CallEvent
        {
            Id = Guid.CreateVersion7(), AccountId = accountId, EventId = "evt-" + Guid.NewGuid().ToString("N"), EventType = "Call:Hangup",
            EnvironmentName = "ITD2024", OccurredAt = now, ReceivedAt = now, DataJson = "{}",
        };
        var delivery = new Delivery
        {
            Id = Guid.CreateVersion7(), AccountId = accountId, CallEventId = callEvent.Id, WebhookId = webhook.Id, EventType = "Call:Hangup",
            Status = DeliveryStatus.Pending, LeaseOwner = node.Name, LeaseUntil = now.AddMinutes(5), CreatedAt = now, UpdatedAt = now,
        };
        await using (var db = app.Database.CreateContext())
        {
            db.Events.Add(callEvent);
            db.Deliveries.Add(delivery);
            await db.SaveChangesAsync();
        }
        var attempt = new DeliveryAttempt
        {
            Id = Guid.CreateVersion7(), DeliveryId = delivery.Id, WebhookId = webhook.Id, AccountId = accountId, Number = 1,
            RequestMethod = "POST", RequestUrl = webhook.Url, StatusCode = 410, ResponseBody = "gone", DurationMs = 3, SentBy = node.Name, CreatedAt = now,
        };
        var health = app.Services.GetRequiredService<WebhookHealth>();
        var outcome = new AttemptOutcome(attempt, DeliveryStatus.Failed, "receiver answered 410", null, now, FailureCountChange.Increment,
            health.DisableFor(410, "receiver answered 410"));
        return await app.Services.GetRequiredService<AttemptWriter>().WriteAsync(outcome);
    }

    private async Task<List<AuditEntry>> EntriesAsync(Guid webhookId)
    {
        await using var db = app.Database.CreateContext();
        var id = webhookId.ToString();
        return await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == id).ToListAsync();
    }
}
