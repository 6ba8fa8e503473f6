using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using WebhookConsole.Data;
using WebhookConsole.Features.Audit;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Audit;

/// <summary>What the app does by itself is audited as <c>system</c>.</summary>
[Collection(AppCollection.Name)]
public sealed class AuditSystemTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private async Task<List<AuditEntry>> EntriesAsync(Func<AuditEntry, bool> match)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking().ToListAsync();
        return entries.Where(match).ToList();
    }

    [Fact]
    public async Task AutoDisable_IsAuditedOnceAsSystem_WhenTheDispatcherDisablesAWebhook()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Respond("/gone", (_, _) => new ReceiverResponse(410, "gone"));
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, receiver.Url("/gone"), w => w.EventType = "*");
        var environment = await fixture.App.Data.AddEnvironmentAsync(fixture.AccountId, "audit-" + webhook.Id, webhook.Id);

        // Two deliveries at once: however many of them the receiver answers 410, the webhook is switched off once.
        var deliveryIds = new List<Guid>();
        foreach (var n in new[] { 1, 2 })
        {
            var response = await fixture.App.PostEventAsync(fixture.Client, fixture.AccountId, new { @event = "Call:Hangup", environment = environment.Name, payload = new { n } });
            deliveryIds.AddRange(await AppFactory.DeliveryIdsAsync(response));
        }
        foreach (var id in deliveryIds)
        {
            await fixture.App.Data.WaitForDeliveryAsync(id, d => d.IsFinished, TimeSpan.FromSeconds(30), "the delivery to end");
        }
        await Poll.UntilAsync(async () => (await EntriesAsync(e => e.EntityId == webhook.Id.ToString())).Count > 0, TimeSpan.FromSeconds(30), "the switch-off to be audited");

        var entry = Assert.Single(await EntriesAsync(e => e.EntityId == webhook.Id.ToString()));
        Assert.Equal(AuditActor.System, entry.Actor);
        Assert.Equal(AuditActions.WebhookDisabled, entry.Action);
        Assert.True(JsonNode.Parse(entry.BeforeJson!)!["enabled"]!.GetValue<bool>());
        Assert.False(JsonNode.Parse(entry.AfterJson!)!["enabled"]!.GetValue<bool>());
        Assert.Equal("the receiver answered 410 Gone", JsonNode.Parse(entry.AfterJson!)!["disabled_reason"]!.GetValue<string>());
        Assert.False((await fixture.App.Data.WebhookAsync(webhook.Id)).Enabled);
    }

    [Fact]
    public async Task StartUp_AuditsTheDefaultAccountAndBootstrapTokenAsSystem()
    {
        var account = Assert.Single(await EntriesAsync(e => e.EntityId == fixture.AccountId.ToString()));
        var token = Assert.Single(await EntriesAsync(e => e.Action == AuditActions.TokenCreated && e.EntityName == "bootstrap"));

        Assert.Equal((AuditActions.AccountCreated, AuditActor.System), (account.Action, account.Actor));
        Assert.Equal(AuditActor.System, token.Actor);
        Assert.DoesNotContain(AppFactory.Token, token.AfterJson);
    }
}
