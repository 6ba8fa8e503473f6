using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Api;
using WebhookConsole.Data;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Audit;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Features.Tokens;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Audit;

/// <summary>Changes made in the console (tokens, accounts, the catalogue) are audited under the admin.</summary>
[Collection(AppCollection.Name)]
public sealed class AuditConsoleTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private const string Admin = "ops@example.com";

    private T Service<T>() where T : notnull => fixture.App.Services.GetRequiredService<T>();

    private IDisposable AsAdmin() => Service<AuditActor>().Use(Admin);

    private async Task<List<AuditEntry>> EntriesAsync(Guid entityId)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityId == entityId.ToString()).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task Tokens_CreatedAndRevoked_AreAuditedWithoutTheToken()
    {
        using var _ = AsAdmin();
        var (token, plain) = (await Service<ApiTokenService>().CreateAsync(fixture.AccountId, "CRM sync", new FieldErrors(), CancellationToken.None))!.Value;
        await Service<ApiTokenService>().RevokeAsync(fixture.AccountId, token.Id, CancellationToken.None);
        await Service<ApiTokenService>().RevokeAsync(fixture.AccountId, token.Id, CancellationToken.None);

        var entries = await EntriesAsync(token.Id);

        Assert.Equal([AuditActions.TokenCreated, AuditActions.TokenRevoked], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(Admin, e.Actor));
        Assert.All(entries, e => Assert.DoesNotContain(plain, e.BeforeJson + e.AfterJson));
        Assert.All(entries, e => Assert.DoesNotContain(ApiTokenService.Hash(plain), e.BeforeJson + e.AfterJson));
        Assert.Null(JsonNode.Parse(entries[1].BeforeJson!)!["revoked"]);
        Assert.NotNull(JsonNode.Parse(entries[1].AfterJson!)!["revoked"]);
    }

    [Fact]
    public async Task Accounts_Created_AreAuditedInTheirOwnLog()
    {
        using var _ = AsAdmin();
        var account = await Service<AccountService>().CreateAsync("Tenant " + Guid.NewGuid().ToString("N")[..6], new FieldErrors(), CancellationToken.None);

        var entry = Assert.Single(await EntriesAsync(account!.Id));

        Assert.Equal((AuditActions.AccountCreated, Admin, (Guid?)account.Id), (entry.Action, entry.Actor, entry.AccountId));
    }

    [Fact]
    public async Task EventTypes_AddedEditedAndDeleted_AreAuditedForEveryAccount()
    {
        using var _ = AsAdmin();
        var editor = Service<EventTypeEditor>();
        var name = "call.parked." + Guid.NewGuid().ToString("N")[..6];
        var type = await editor.CreateAsync(new EventTypeInput(name, "Parked", """{"slot": 1}"""), new FieldErrors(), CancellationToken.None);
        await editor.UpdateAsync(type!.Id, new EventTypeInput(name, "Parked in a slot", """{"slot": 2}"""), new FieldErrors(), CancellationToken.None);
        Assert.Null(await editor.DeleteAsync(type.Id, CancellationToken.None));

        var entries = await EntriesAsync(type.Id);

        Assert.Equal([AuditActions.EventTypeCreated, AuditActions.EventTypeUpdated, AuditActions.EventTypeDeleted], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Null(e.AccountId));
        Assert.Equal(1, JsonNode.Parse(entries[1].BeforeJson!)!["sample"]!["slot"]!.GetValue<int>());
        Assert.Equal(2, JsonNode.Parse(entries[1].AfterJson!)!["sample"]!["slot"]!.GetValue<int>());
        var page = await Service<AuditQueryService>().PageAsync(fixture.AccountId, new AuditFilter(EntityType: AuditEntityTypes.EventType), 0, 50, CancellationToken.None);
        Assert.Contains(page.Items, e => e.EntityId == type.Id.ToString());
    }
}
