using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using WebhookConsole.Data;
using WebhookConsole.Dispatching;
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
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "https://gone.example/hook");
        var health = fixture.App.Services.GetRequiredService<WebhookHealth>();

        await health.DisableAsync(webhook.Id, "410 Gone", CancellationToken.None);
        await health.DisableAsync(webhook.Id, "410 Gone", CancellationToken.None);

        var entry = Assert.Single(await EntriesAsync(e => e.EntityId == webhook.Id.ToString()));
        Assert.Equal(AuditActor.System, entry.Actor);
        Assert.Equal(AuditActions.WebhookDisabled, entry.Action);
        Assert.True(JsonNode.Parse(entry.BeforeJson!)!["enabled"]!.GetValue<bool>());
        Assert.False(JsonNode.Parse(entry.AfterJson!)!["enabled"]!.GetValue<bool>());
        Assert.Equal("410 Gone", JsonNode.Parse(entry.AfterJson!)!["disabled_reason"]!.GetValue<string>());
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
