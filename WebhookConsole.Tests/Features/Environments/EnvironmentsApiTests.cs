using System.Net;
using System.Text.Json.Nodes;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Environments;

/// <summary>Environments and the webhooks they subscribe to.</summary>
[Collection(AppCollection.Name)]
public sealed class EnvironmentsApiTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private readonly HttpClient client = fixture.Client;
    private string Environments => fixture.Account + "/environments";

    private static string UniqueName() => "env-" + Guid.NewGuid().ToString("N")[..8];

    private static string[] Ids(JsonNode environment) =>
        environment["webhooks"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Crud_WorksEndToEnd_WhenInputIsValid()
    {
        var a = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "https://a.example");
        var b = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "https://b.example");
        var name = UniqueName();

        var created = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Put, Environments, new { name, webhooks = new[] { a.Id } }), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        var patched = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Environments}/{id}", new { webhooks = new[] { b.Id } }));
        var renamed = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Environments}/{id}", new { name = name + "-2" }));
        var replaced = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Post, $"{Environments}/{id}", new { name }));
        var read = await ApiAssert.SuccessAsync(await client.GetAsync($"{Environments}/{id}"));
        var deleted = await ApiAssert.SuccessAsync(await client.DeleteAsync($"{Environments}/{id}"));
        var gone = await client.GetAsync($"{Environments}/{id}");

        Assert.Equal([a.Id.ToString()], Ids(created));
        Assert.Equal([b.Id.ToString()], Ids(patched));
        Assert.Equal(name + "-2", renamed["name"]!.GetValue<string>());
        Assert.Equal([b.Id.ToString()], Ids(renamed));
        Assert.Empty(Ids(replaced));
        Assert.Equal(name, read["name"]!.GetValue<string>());
        Assert.Equal(id, deleted["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Create_AnswersTheNewEnvironmentsAddressInLocation_WhenCreated()
    {
        var response = await client.SendDataAsync(HttpMethod.Put, Environments, new { name = UniqueName() });

        var created = await ApiAssert.SuccessAsync(response, System.Net.HttpStatusCode.Created);
        Assert.Equal($"{Environments}/{created["id"]!.GetValue<string>()}", response.Headers.Location?.OriginalString);
        var read = await ApiAssert.SuccessAsync(await client.GetAsync(response.Headers.Location));
        Assert.Equal(created["name"]!.GetValue<string>(), read["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReplaceAndPatch_WriteNothing_WhenTheyRepeatWhatIsStored()
    {
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "https://same.example/env");
        var name = UniqueName();
        var created = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Put, Environments, new { name, webhooks = new[] { webhook.Id } }),
            System.Net.HttpStatusCode.Created);
        var id = Guid.Parse(created["id"]!.GetValue<string>());
        var audited = await fixture.App.Data.AuditCountAsync(id);

        var replaced = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Post, $"{Environments}/{id}", new { name, webhooks = new[] { webhook.Id } }));
        var patched = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Environments}/{id}", new { name = $" {name} " }));

        var updated = created["updated"]!.GetValue<DateTime>();
        Assert.Equal(updated, replaced["updated"]!.GetValue<DateTime>());
        Assert.Equal(updated, patched["updated"]!.GetValue<DateTime>());
        Assert.Equal(audited, await fixture.App.Data.AuditCountAsync(id));
    }

    [Fact]
    public async Task Create_Answers409_WhenNameIsTakenButAcceptsOtherCase()
    {
        var name = UniqueName();
        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Put, Environments, new { name }), HttpStatusCode.Created);
        var before = await fixture.App.Data.SnapshotAsync();

        var duplicate = await client.SendDataAsync(HttpMethod.Put, Environments, new { name });

        await ApiAssert.FieldErrorAsync(duplicate, HttpStatusCode.Conflict, "name");
        Assert.Equal(before, await fixture.App.Data.SnapshotAsync());
        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Put, Environments, new { name = name.ToUpperInvariant() }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Create_Answers400OnWebhooks_WhenIdIsOfAnotherAccountOrMalformed()
    {
        var (otherAccount, _) = await fixture.App.Data.AddAccountWithTokenAsync("other-" + Guid.NewGuid().ToString("N")[..6]);
        var foreign = await fixture.App.Data.AddWebhookAsync(otherAccount, "https://other.example");
        var before = await fixture.App.Data.SnapshotAsync();

        var viaForeign = await client.SendDataAsync(HttpMethod.Put, Environments, new { name = UniqueName(), webhooks = new[] { foreign.Id } });
        var viaGarbage = await client.SendDataAsync(HttpMethod.Put, Environments, new { name = UniqueName(), webhooks = new[] { "nope" } });
        var viaType = await client.SendDataAsync(HttpMethod.Put, Environments, new { name = UniqueName(), webhooks = "all" });
        var noName = await client.SendDataAsync(HttpMethod.Put, Environments, new { webhooks = Array.Empty<Guid>() });

        await ApiAssert.FieldErrorAsync(viaForeign, HttpStatusCode.BadRequest, "webhooks");
        await ApiAssert.FieldErrorAsync(viaGarbage, HttpStatusCode.BadRequest, "webhooks");
        await ApiAssert.FieldErrorAsync(viaType, HttpStatusCode.BadRequest, "webhooks");
        await ApiAssert.FieldErrorAsync(noName, HttpStatusCode.BadRequest, "name");
        Assert.Equal(before, await fixture.App.Data.SnapshotAsync());
    }

    [Fact]
    public async Task List_AnswersEnvironmentsOfAccount_WhenSeveralExist()
    {
        var name = UniqueName();
        await fixture.App.Data.AddEnvironmentAsync(fixture.AccountId, name);

        var list = await ApiAssert.SuccessAsync(await client.GetAsync(Environments));

        Assert.Contains(list.AsArray(), e => e!["name"]!.GetValue<string>() == name);
    }
}
