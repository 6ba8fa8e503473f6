using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Features.Webhooks;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Webhooks;

/// <summary>A webhook deleted by another request after this one read it: the answer is the 404 of a webhook gone.</summary>
public sealed class WebhookSaveRaceTests : IAsyncLifetime
{
    private readonly AppFactory app = new();
    private readonly BeforeNextWrite<WebhookEndpoint> beforeNextSave = new();
    private WebApplicationFactory<Program> served = null!;
    private HttpClient client = null!;
    private string webhooks = "";

    public async Task InitializeAsync()
    {
        served = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(beforeNextSave)));
        client = AppFactory.CreateApiClient(served);
        webhooks = $"/api/v1/accounts/{await app.DefaultAccountIdAsync()}/webhooks";
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await served.DisposeAsync();
        await app.DisposeAsync();
    }

    public static TheoryData<string> Changes => ["edit", "patch", "rotate", "delete"];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Change_Answers404_WhenWebhookIsDeletedMeanwhile(string change)
    {
        var webhook = await app.Data.AddWebhookAsync(await app.DefaultAccountIdAsync(), "https://gone.example", secret: "s3cret");
        beforeNextSave.Run = () => app.Database.ExecuteAsync($"DELETE FROM \"Webhooks\" WHERE \"Id\" = '{webhook.Id.ToString().ToUpperInvariant()}'");
        var url = $"{webhooks}/{webhook.Id}";

        var answer = change switch
        {
            "edit" => await client.SendDataAsync(HttpMethod.Post, url, new { uri = "https://still.example", hook = "*" }),
            "patch" => await client.SendDataAsync(HttpMethod.Patch, url, new { enabled = false }),
            "rotate" => await client.PostAsync(url + "/rotate_secret", null),
            _ => await client.DeleteAsync(url),
        };

        Assert.Null(beforeNextSave.Run);
        var json = await AppFactory.ReadJsonAsync(answer);
        Assert.True(answer.StatusCode == HttpStatusCode.NotFound, $"{(int)answer.StatusCode}: {json.ToJsonString()}");
        ApiAssert.ErrorShape(json, 404);
    }
}
