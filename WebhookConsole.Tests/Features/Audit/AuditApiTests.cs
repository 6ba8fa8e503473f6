using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Data;
using WebhookConsole.Dispatching;
using WebhookConsole.Features.Audit;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Audit;

/// <summary>Changes made through the API are audited under the calling token, with the object before and after.</summary>
[Collection(AppCollection.Name)]
public sealed class AuditApiTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private const string TokenActor = "token:bootstrap";
    private readonly HttpClient client = fixture.Client;
    private string Webhooks => fixture.Account + "/webhooks";
    private string Environments => fixture.Account + "/environments";

    private async Task<List<AuditEntry>> EntriesAsync(string entityId)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == entityId).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToListAsync();
    }

    private async Task<List<AuditEntry>> AllEntriesAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking().ToListAsync();
    }

    private async Task<string> CreateWebhookAsync(object? extra = null)
    {
        var data = new JsonObject { ["uri"] = "https://crm.example/hook", ["hook"] = "Call:Hangup" };
        if (extra is not null)
        {
            foreach (var (key, value) in JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(extra))!.AsObject())
            {
                data[key] = value?.DeepClone();
            }
        }
        var created = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Put, Webhooks, data), HttpStatusCode.Created);
        return created["id"]!.GetValue<string>();
    }

    private static JsonObject Json(string? text) => JsonNode.Parse(text!)!.AsObject();

    [Fact]
    public async Task WebhookChanges_AreAuditedUnderTheToken_WithBeforeAndAfter()
    {
        var id = await CreateWebhookAsync();

        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Webhooks}/{id}", new { retries = 5 }));
        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Webhooks}/{id}", new { enabled = false }));
        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Webhooks}/{id}", new { enabled = true }));
        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Post, $"{Webhooks}/{id}", new { uri = "https://crm.example/v2", hook = "Call:Hangup" }));
        await ApiAssert.SuccessAsync(await client.DeleteAsync($"{Webhooks}/{id}"));

        var entries = await EntriesAsync(id);
        Assert.Equal(
            [AuditActions.WebhookCreated, AuditActions.WebhookUpdated, AuditActions.WebhookDisabled, AuditActions.WebhookEnabled, AuditActions.WebhookUpdated, AuditActions.WebhookDeleted],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(TokenActor, e.Actor));
        Assert.All(entries, e => Assert.Equal((Guid?)fixture.AccountId, e.AccountId));
        Assert.All(entries, e => Assert.Equal(AuditEntityTypes.Webhook, e.EntityType));

        var (created, retries, disabled, _, replaced, deleted) = (entries[0], entries[1], entries[2], entries[3], entries[4], entries[5]);
        Assert.Null(created.BeforeJson);
        Assert.Equal("https://crm.example/hook", Json(created.AfterJson)["uri"]!.GetValue<string>());
        Assert.Equal(3, Json(retries.BeforeJson)["retries"]!.GetValue<int>());
        Assert.Equal(5, Json(retries.AfterJson)["retries"]!.GetValue<int>());
        Assert.True(Json(disabled.BeforeJson)["enabled"]!.GetValue<bool>());
        Assert.False(Json(disabled.AfterJson)["enabled"]!.GetValue<bool>());
        Assert.Equal("https://crm.example/v2", Json(replaced.AfterJson)["uri"]!.GetValue<string>());
        Assert.Equal(3, Json(replaced.AfterJson)["retries"]!.GetValue<int>());
        Assert.Equal("https://crm.example/v2", Json(deleted.BeforeJson)["uri"]!.GetValue<string>());
        Assert.Null(deleted.AfterJson);
    }

    [Fact]
    public async Task Secrets_NeverAppearInEntries_WhenSetGeneratedOrRotated()
    {
        const string chosen = "my-own-frejun-secret-0123456789abcdef";
        const string bearer = "Bearer sk_live_0123456789abcdef";
        var created = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Put, Webhooks, new
        {
            uri = "https://crm.example/hook",
            hook = "Call:Hangup",
            signing = "frejun",
            secret = chosen,
            headers = new Dictionary<string, string> { ["Authorization"] = bearer, ["X-Team"] = "sales" },
        }), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        var rotated = await ApiAssert.SuccessAsync(await client.PostAsync($"{Webhooks}/{id}/rotate_secret", null));
        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Webhooks}/{id}", new { signing = "standard" }));
        // The scheme change made a new secret, which edit answers do not carry: read it as the dispatcher does.
        var switchedSecret = fixture.App.Services.GetRequiredService<SecretProtector>().Unprotect((await fixture.App.Data.WebhookAsync(Guid.Parse(id))).SecretProtected!);
        var secrets = new[] { chosen, bearer, rotated["secret"]!.GetValue<string>(), switchedSecret };

        var entries = await EntriesAsync(id);

        Assert.Equal([AuditActions.WebhookCreated, AuditActions.WebhookSecretRotated, AuditActions.WebhookUpdated], entries.Select(e => e.Action));
        foreach (var entry in entries)
        {
            var text = entry.BeforeJson + entry.AfterJson;
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, text));
            Assert.DoesNotContain("sk_live", text);
        }
        var rotation = entries[1];
        Assert.StartsWith("********", Json(rotation.AfterJson)["secret"]!.GetValue<string>());
        Assert.NotEqual(Json(rotation.BeforeJson)["secret"]!.GetValue<string>(), Json(rotation.AfterJson)["secret"]!.GetValue<string>());
        Assert.Equal("********", Json(rotation.AfterJson)["headers"]!["Authorization"]!.GetValue<string>());
        Assert.Equal("sales", Json(rotation.AfterJson)["headers"]!["X-Team"]!.GetValue<string>());
    }

    [Fact]
    public async Task EnvironmentChanges_AreAuditedWithTheirSubscriptions()
    {
        var webhook = await CreateWebhookAsync();
        var name = "env-" + Guid.NewGuid().ToString("N")[..8];
        var created = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Put, Environments, new { name }), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();

        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Environments}/{id}", new { webhooks = new[] { webhook } }));
        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Environments}/{id}", new { name = name + "-2" }));
        await ApiAssert.SuccessAsync(await client.DeleteAsync($"{Environments}/{id}"));

        var entries = await EntriesAsync(id);
        Assert.Equal(
            [AuditActions.EnvironmentCreated, AuditActions.EnvironmentUpdated, AuditActions.EnvironmentUpdated, AuditActions.EnvironmentDeleted],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(TokenActor, e.Actor));
        Assert.Empty(Json(entries[1].BeforeJson)["webhooks"]!.AsArray());
        Assert.Equal(webhook, Json(entries[1].AfterJson)["webhooks"]![0]!.GetValue<string>());
        Assert.Equal(name, Json(entries[2].BeforeJson)["name"]!.GetValue<string>());
        Assert.Equal(name + "-2", entries[2].EntityName);
        Assert.Equal(webhook, Json(entries[3].BeforeJson)["webhooks"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task RejectedRequests_WriteNoAuditEntry()
    {
        var id = await CreateWebhookAsync();
        var name = "env-" + Guid.NewGuid().ToString("N")[..8];
        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Put, Environments, new { name }), HttpStatusCode.Created);
        var before = (await AllEntriesAsync()).Count;

        await ApiAssert.FieldErrorAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Webhooks}/{id}", new { retries = 11 }), HttpStatusCode.BadRequest, "retries");
        await ApiAssert.FieldErrorAsync(await client.SendDataAsync(HttpMethod.Post, $"{Webhooks}/{id}", new { uri = "not a url", hook = "Call:Hangup" }), HttpStatusCode.BadRequest, "uri");
        await ApiAssert.FieldErrorAsync(await client.SendDataAsync(HttpMethod.Put, Webhooks, new { uri = "https://x.example", hook = "No:Such" }), HttpStatusCode.BadRequest, "hook");
        await ApiAssert.FieldErrorAsync(await client.SendDataAsync(HttpMethod.Put, Environments, new { name }), HttpStatusCode.Conflict, "name");
        await ApiAssert.FieldErrorAsync(await client.SendDataAsync(HttpMethod.Put, Environments, new { name = "x", webhooks = new[] { Guid.NewGuid() } }), HttpStatusCode.BadRequest, "webhooks");
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"{Webhooks}/{Guid.NewGuid()}")).StatusCode);

        Assert.Equal(before, (await AllEntriesAsync()).Count);
    }

    [Fact]
    public async Task ApiChanges_AreAuditedUnderTheirOwnToken_WhenAnotherAccountCalls()
    {
        var (otherAccount, token) = await fixture.App.Data.AddAccountWithTokenAsync("audit-" + Guid.NewGuid().ToString("N")[..6]);
        using var other = fixture.App.CreateClient();
        other.DefaultRequestHeaders.Add("X-Auth-Token", token);

        var created = await ApiAssert.SuccessAsync(
            await other.SendDataAsync(HttpMethod.Put, $"/api/v1/accounts/{otherAccount}/environments", new { name = "ITD2024" }), HttpStatusCode.Created);

        var entry = Assert.Single(await EntriesAsync(created["id"]!.GetValue<string>()));
        Assert.EndsWith(" token", entry.Actor);
        Assert.StartsWith("token:audit-", entry.Actor);
        Assert.Equal(otherAccount, entry.AccountId);
    }
}
