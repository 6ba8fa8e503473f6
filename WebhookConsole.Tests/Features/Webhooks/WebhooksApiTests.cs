using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Webhooks;

/// <summary>Webhook CRUD in the WIRECLOUD shape: PUT creates, POST replaces, PATCH edits, DELETE answers the object.</summary>
[Collection(AppCollection.Name)]
public sealed class WebhooksApiTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private readonly HttpClient client = fixture.Client;
    private string Webhooks => fixture.Account + "/webhooks";

    private async Task<JsonNode> CreateAsync(object data) =>
        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Put, Webhooks, data), HttpStatusCode.Created);

    [Fact]
    public async Task Create_NamesTheWebhookByItsUrlCutToANamesLength_WhenNameIsLeftOut()
    {
        var url = "https://crm.example.com/" + new string('a', 300);

        var created = await CreateAsync(new { uri = url, hook = "*" });

        Assert.Equal(url[..199] + "…", created["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_Answers201WithSecretAndDefaults_WhenBodyIsMinimal()
    {
        var created = await CreateAsync(new { uri = "https://example.com/calls", hook = "channel_create", http_verb = "POST" });

        Assert.Equal("https://example.com/calls", created["name"]!.GetValue<string>());
        Assert.Equal("post", created["http_verb"]!.GetValue<string>());
        Assert.Equal(3, created["retries"]!.GetValue<int>());
        Assert.Equal(10, created["timeout_seconds"]!.GetValue<int>());
        Assert.Equal("standard", created["signing"]!.GetValue<string>());
        Assert.True(created["enabled"]!.GetValue<bool>());
        Assert.StartsWith("whsec_", created["secret"]!.GetValue<string>());
        Assert.Null(created["disabled_reason"]);
        Assert.Equal(new JsonObject().ToJsonString(), created["headers"]!.ToJsonString());
    }

    [Fact]
    public async Task Create_AnswersTheNewWebhooksAddressInLocation_WhenCreated()
    {
        var response = await client.SendDataAsync(HttpMethod.Put, Webhooks, new { uri = "https://location.example/hook", hook = "*" });

        var created = await ApiAssert.SuccessAsync(response, HttpStatusCode.Created);
        Assert.Equal($"{Webhooks}/{created["id"]!.GetValue<string>()}", response.Headers.Location?.OriginalString);
        var read = await ApiAssert.SuccessAsync(await client.GetAsync(response.Headers.Location));
        Assert.Equal(created["id"]!.GetValue<string>(), read["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateReplaceAndPatch_StoreTheUriTrimmed_WhenSpacesSurroundIt()
    {
        var created = await CreateAsync(new { uri = "  https://trim.example/create ", hook = "*" });
        var id = created["id"]!.GetValue<string>();

        var replaced = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Post, $"{Webhooks}/{id}",
            new { uri = "\u00a0https://trim.example/replace  ", hook = "*" }));
        var patched = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Webhooks}/{id}",
            new { uri = " https://trim.example/patch " }));

        Assert.Equal("https://trim.example/create", created["uri"]!.GetValue<string>());
        Assert.Equal("https://trim.example/create", created["name"]!.GetValue<string>());
        Assert.Equal("https://trim.example/replace", replaced["uri"]!.GetValue<string>());
        Assert.Equal("https://trim.example/patch", patched["uri"]!.GetValue<string>());
        var stored = await ApiAssert.SuccessAsync(await client.GetAsync($"{Webhooks}/{id}"));
        Assert.Equal("https://trim.example/patch", stored["uri"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_TrimsHeaderNamesAndValues_WhenSpacesSurroundThem()
    {
        var created = await CreateAsync(new
        {
            uri = "https://trim.example/headers",
            hook = "*",
            headers = new Dictionary<string, string> { [" X-Tenant "] = "  acme\t", ["X-Inner"] = "a  b" },
        });

        Assert.Equal("""{"X-Tenant":"acme","X-Inner":"a  b"}""", created["headers"]!.ToJsonString());
    }

    [Fact]
    public async Task ReplaceAndPatch_WriteNothing_WhenTheyRepeatWhatIsStored()
    {
        var data = new { name = "Same again", uri = "https://same.example/hook", hook = "Call:Hangup", retries = 2, headers = new { X_Tenant = "acme" } };
        var created = await CreateAsync(data);
        var id = Guid.Parse(created["id"]!.GetValue<string>());
        var audited = await fixture.App.Data.AuditCountAsync(id);

        var replaced = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Post, $"{Webhooks}/{id}", data));
        var patched = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Webhooks}/{id}", new { retries = 2, enabled = true }));
        var emptyPatch = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Webhooks}/{id}", new { }));

        var updated = created["updated"]!.GetValue<DateTime>();
        Assert.All(new[] { replaced, patched, emptyPatch }, answer => Assert.Equal(updated, answer["updated"]!.GetValue<DateTime>()));
        Assert.Null(replaced["secret"]);
        Assert.Equal(audited, await fixture.App.Data.AuditCountAsync(id));
        var changed = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Webhooks}/{id}", new { retries = 4 }));
        Assert.True(changed["updated"]!.GetValue<DateTime>() > updated);
        Assert.Equal(audited + 1, await fixture.App.Data.AuditCountAsync(id));
    }

    [Fact]
    public async Task Get_AnswersWebhookWithoutSecret_WhenItExists()
    {
        var created = await CreateAsync(new { name = "New Calls", uri = "http://my.server.com/calls/new.php", http_verb = "post", hook = "channel_create", retries = 3,
            custom_data = new { account_id = "my_crm_account_id", screen_pop = true } });
        var id = created["id"]!.GetValue<string>();

        var read = await ApiAssert.SuccessAsync(await client.GetAsync($"{Webhooks}/{id}"));
        var list = await ApiAssert.SuccessAsync(await client.GetAsync(Webhooks));

        Assert.Equal("New Calls", read["name"]!.GetValue<string>());
        Assert.Equal("""{"account_id":"my_crm_account_id","screen_pop":true}""", read["custom_data"]!.ToJsonString());
        Assert.False(read.AsObject().ContainsKey("secret"));
        Assert.Contains(list.AsArray(), w => w!["id"]!.GetValue<string>() == id && !w.AsObject().ContainsKey("secret"));
    }

    [Fact]
    public async Task Replace_ResetsOmittedFieldsToDefaults_WhenPostCarriesFewerFields()
    {
        var created = await CreateAsync(new { name = "n", uri = "https://a.example/x", hook = "Call:Hangup", retries = 7, timeout_seconds = 30,
            http_verb = "get", headers = new Dictionary<string, string> { ["X-Tenant"] = "7" }, body_template = """{"d": "{{ duration }}"}""" });
        var id = created["id"]!.GetValue<string>();

        var replaced = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Post, $"{Webhooks}/{id}",
            new { id, created = "ignored", uri = "https://b.example/y", hook = "*" }));

        Assert.Equal("https://b.example/y", replaced["uri"]!.GetValue<string>());
        Assert.Equal("*", replaced["hook"]!.GetValue<string>());
        Assert.Equal(3, replaced["retries"]!.GetValue<int>());
        Assert.Equal(10, replaced["timeout_seconds"]!.GetValue<int>());
        Assert.Equal("post", replaced["http_verb"]!.GetValue<string>());
        Assert.Null(replaced["body_template"]);
        Assert.Equal("{}", replaced["headers"]!.ToJsonString());
        Assert.False(replaced.AsObject().ContainsKey("secret"));
        Assert.Equal(created["created"]!.GetValue<DateTime>(), replaced["created"]!.GetValue<DateTime>());
    }

    [Fact]
    public async Task Patch_DisablesAndReenables_WhenEnabledIsSent()
    {
        var id = (await CreateAsync(new { uri = "https://a.example/x", hook = "*", retries = 5 }))["id"]!.GetValue<string>();

        var disabled = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Webhooks}/{id}", new { enabled = false }));
        var enabled = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Webhooks}/{id}", new { enabled = true }));

        Assert.False(disabled["enabled"]!.GetValue<bool>());
        Assert.Equal("disabled by an admin", disabled["disabled_reason"]!.GetValue<string>());
        Assert.Equal(5, disabled["retries"]!.GetValue<int>());
        Assert.True(enabled["enabled"]!.GetValue<bool>());
        Assert.Null(enabled["disabled_reason"]);
        Assert.Equal(0, (await fixture.App.Data.WebhookAsync(Guid.Parse(id))).ConsecutiveFailures);
    }

    [Fact]
    public async Task Patch_ClearsReasonAndFailureCount_WhenAutoDisabledWebhookIsReenabled()
    {
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "https://a.example/x", w =>
        {
            w.Enabled = false;
            w.DisabledReason = "5 deliveries in a row failed";
            w.ConsecutiveFailures = 5;
        });

        var enabled = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Webhooks}/{webhook.Id}", new { enabled = true }));

        Assert.True(enabled["enabled"]!.GetValue<bool>());
        Assert.Null(enabled["disabled_reason"]);
        Assert.Equal(0, (await fixture.App.Data.WebhookAsync(webhook.Id)).ConsecutiveFailures);
    }

    [Fact]
    public async Task Delete_AnswersDeletedObjectAndKeepsHistory_WhenWebhookIsSubscribed()
    {
        var id = Guid.Parse((await CreateAsync(new { uri = "https://a.example/x", hook = "*" }))["id"]!.GetValue<string>());
        await fixture.App.Data.AddEnvironmentAsync(fixture.AccountId, "del-" + id, id);
        var delivery = await fixture.App.Data.AddFinishedDeliveryAsync(fixture.AccountId, id, DateTime.UtcNow);

        var deleted = await ApiAssert.SuccessAsync(await client.DeleteAsync($"{Webhooks}/{id}"));
        var again = await client.GetAsync($"{Webhooks}/{id}");

        Assert.Equal(id.ToString(), deleted["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(delivery.Id, (await fixture.App.Data.DeliveryAsync(delivery.Id)).Id);
        var environments = await ApiAssert.SuccessAsync(await client.GetAsync(fixture.Account + "/environments"));
        Assert.Empty(environments.AsArray().Single(e => e!["name"]!.GetValue<string>() == "del-" + id)!["webhooks"]!.AsArray());
    }

    [Fact]
    public async Task RotateSecret_AnswersNewSecretAndKeepsOldForOverlap_WhenSigned()
    {
        var created = await CreateAsync(new { uri = "https://a.example/x", hook = "*", signing = "hex" });
        var id = created["id"]!.GetValue<string>();

        var rotated = await ApiAssert.SuccessAsync(await client.PostAsync($"{Webhooks}/{id}/rotate_secret", null));

        var secret = rotated["secret"]!.GetValue<string>();
        Assert.Equal(64, secret.Length);
        Assert.NotEqual(created["secret"]!.GetValue<string>(), secret);
        var stored = await fixture.App.Data.WebhookAsync(Guid.Parse(id));
        Assert.NotNull(stored.PreviousSecretProtected);
        Assert.True(stored.PreviousSecretExpiresAt > DateTime.UtcNow.AddHours(23));
    }

    [Fact]
    public async Task ReplaceAndPatch_AnswerNoSecret_WhenTheSchemeChangesAndANewSecretIsMade()
    {
        var created = await CreateAsync(new { uri = "https://switch.example/hook", hook = "*", signing = "hex" });
        var id = Guid.Parse(created["id"]!.GetValue<string>());
        var before = (await fixture.App.Data.WebhookAsync(id)).SecretProtected;

        var patched = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Webhooks}/{id}", new { signing = "standard" }));
        var afterPatch = (await fixture.App.Data.WebhookAsync(id)).SecretProtected;
        var replaced = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Post, $"{Webhooks}/{id}", new { uri = "https://switch.example/hook", hook = "*", signing = "frejun" }));

        // The secret is answered only on create and rotate; the new scheme's secret is learnt by rotating.
        Assert.Equal("standard", patched["signing"]!.GetValue<string>());
        Assert.False(patched.AsObject().ContainsKey("secret"), patched.ToJsonString());
        Assert.Equal("frejun", replaced["signing"]!.GetValue<string>());
        Assert.False(replaced.AsObject().ContainsKey("secret"), replaced.ToJsonString());
        Assert.NotEqual(before, afterPatch);
        Assert.NotEqual(afterPatch, (await fixture.App.Data.WebhookAsync(id)).SecretProtected);
        var rotated = await ApiAssert.SuccessAsync(await client.PostAsync($"{Webhooks}/{id}/rotate_secret", null));
        Assert.False(string.IsNullOrEmpty(rotated["secret"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Create_KeepsClientSecret_WhenSecretIsValidForScheme()
    {
        var created = await CreateAsync(new { uri = "https://a.example/x", hook = "*", signing = "frejun", secret = "my-own-frejun-secret-123" });

        Assert.Equal("my-own-frejun-secret-123", created["secret"]!.GetValue<string>());
    }

    [Fact]
    public async Task Endpoints_Answer404_WhenIdIsUnknownOrNotUuid()
    {
        foreach (var id in new[] { Guid.NewGuid().ToString(), "not-a-uuid" })
        {
            var read = await client.GetAsync($"{Webhooks}/{id}");
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
            ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(read), 404);
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendDataAsync(HttpMethod.Post, $"{Webhooks}/{id}", new { uri = "https://a.example", hook = "*" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendDataAsync(HttpMethod.Patch, $"{Webhooks}/{id}", new { enabled = true })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"{Webhooks}/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{Webhooks}/{id}/rotate_secret", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{Webhooks}/{id}/test", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Webhooks}/{id}/attempts")).StatusCode);
        }
    }

    [Fact]
    public async Task List_AnswersEveryWebhook_WhenStoredCustomDataNestsDeeperThanTheEnvelopeAllows()
    {
        // Its own account: the list it answers is deeper than most JSON readers take by default.
        var (accountId, token) = await fixture.App.Data.AddAccountWithTokenAsync("deep-" + Guid.NewGuid().ToString("N")[..6]);
        using var other = fixture.App.CreateClient();
        other.DefaultRequestHeaders.Add("X-Auth-Token", token);
        var customData = string.Concat(Enumerable.Repeat("{\"a\": ", 64)) + "1" + new string('}', 64);
        var webhook = await fixture.App.Data.AddWebhookAsync(accountId, "https://a.example/deep", w => w.CustomDataJson = customData);

        var response = await other.GetAsync($"/api/v1/accounts/{accountId}/webhooks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync(), documentOptions: new JsonDocumentOptions { MaxDepth = 128 })!;
        Assert.Equal(webhook.Id.ToString(), list["data"]![0]!["id"]!.GetValue<string>());
    }
}
