using System.Net;
using System.Text.Json.Nodes;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Events;

/// <summary>
/// Ingest remembers where an environment's events go; every change an admin makes through the API must reach
/// the very next event, not one some seconds later.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class IngestRoutingTests : IAsyncLifetime
{
    private AppFactory app = null!;
    private TestReceiver receiver = null!;
    private HttpClient client = null!;
    private Guid accountId;

    private string Account => $"/api/v1/accounts/{accountId}";

    public async Task InitializeAsync()
    {
        receiver = await TestReceiver.StartAsync();
        app = new AppFactory();
        client = app.CreateApiClient();
        accountId = await app.DefaultAccountIdAsync();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task Ingest_FollowsEachApiChangeAtOnce_WhenRoutesWereLookedUpBefore()
    {
        var first = await CreateWebhookAsync("/first");
        var environment = (await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Put, $"{Account}/environments",
            new { name = "ITD2024", webhooks = new[] { first } }), HttpStatusCode.Created))["id"]!.GetValue<string>();
        Assert.Single(await PostAsync("ITD2024"));

        var second = await CreateWebhookAsync("/second");
        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Account}/environments/{environment}", new { webhooks = new[] { first, second } }));
        Assert.Equal(2, (await PostAsync("ITD2024")).Count);

        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Account}/webhooks/{first}", new { enabled = false }));
        Assert.Single(await PostAsync("ITD2024"));

        await ApiAssert.SuccessAsync(await client.DeleteAsync($"{Account}/webhooks/{second}"));
        Assert.Empty(await PostAsync("ITD2024"));

        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Patch, $"{Account}/environments/{environment}", new { name = "ITD2025" }));
        var renamed = await app.PostEventAsync(client, accountId, new { @event = "Call:Hangup", environment = "ITD2024", payload = new { } });
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
    }

    [Fact]
    public async Task Ingest_RoutesToANewEnvironment_WhenTheSameNameWasUnknownAMomentBefore()
    {
        var unknown = await app.PostEventAsync(client, accountId, new { @event = "Call:Hangup", environment = "Later", payload = new { } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var webhook = await CreateWebhookAsync("/later");
        await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Put, $"{Account}/environments", new { name = "Later", webhooks = new[] { webhook } }), HttpStatusCode.Created);

        Assert.Single(await PostAsync("Later"));
    }

    private async Task<string> CreateWebhookAsync(string path)
    {
        var created = await ApiAssert.SuccessAsync(await client.SendDataAsync(HttpMethod.Put, $"{Account}/webhooks",
            new { uri = receiver.Url(path), hook = "*", http_verb = "POST" }), HttpStatusCode.Created);
        return created["id"]!.GetValue<string>();
    }

    private async Task<List<Guid>> PostAsync(string environment)
    {
        var response = await app.PostEventAsync(client, accountId, new { @event = "Call:Hangup", environment, payload = new { } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await AppFactory.DeliveryIdsAsync(response);
    }
}
