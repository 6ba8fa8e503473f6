using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Features.Environments;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Environments;

/// <summary>
/// Another request changes the account after an environment's checks passed and before it is saved: the answer
/// names what changed instead of blaming the name.
/// </summary>
public sealed class EnvironmentSaveRaceTests : IAsyncLifetime
{
    private readonly AppFactory app = new();
    private readonly BeforeNextWrite<WebhookEnvironment> beforeNextSave = new();
    private WebApplicationFactory<Program> served = null!;
    private HttpClient client = null!;
    private string environments = "";

    public async Task InitializeAsync()
    {
        served = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(beforeNextSave)));
        client = AppFactory.CreateApiClient(served);
        environments = $"/api/v1/accounts/{await app.DefaultAccountIdAsync()}/environments";
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await served.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Create_Answers400OnWebhooks_WhenWebhookIsDeletedMeanwhile()
    {
        var accountId = await app.DefaultAccountIdAsync();
        var webhook = await app.Data.AddWebhookAsync(accountId, "https://gone.example");
        beforeNextSave.Run = () => app.Database.ExecuteAsync($"DELETE FROM \"Webhooks\" WHERE \"Id\" = '{webhook.Id.ToString().ToUpperInvariant()}'");

        var answer = await client.SendDataAsync(HttpMethod.Put, environments, new { name = "env-" + webhook.Id, webhooks = new[] { webhook.Id } });

        var error = await ApiAssert.FieldErrorAsync(answer, HttpStatusCode.BadRequest, "webhooks");
        Assert.Contains(webhook.Id.ToString(), error.ToJsonString());
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Environments.AnyAsync(e => e.Name == "env-" + webhook.Id));
    }

    [Fact]
    public async Task Create_Answers409OnName_WhenNameIsTakenMeanwhile()
    {
        var accountId = await app.DefaultAccountIdAsync();
        var name = "env-" + Guid.NewGuid().ToString("N")[..8];
        beforeNextSave.Run = () => app.Data.AddEnvironmentAsync(accountId, name);

        var answer = await client.SendDataAsync(HttpMethod.Put, environments, new { name });

        await ApiAssert.FieldErrorAsync(answer, HttpStatusCode.Conflict, "name");
    }

    [Fact]
    public async Task Rename_Answers404_WhenEnvironmentIsDeletedMeanwhile()
    {
        var accountId = await app.DefaultAccountIdAsync();
        var environment = await app.Data.AddEnvironmentAsync(accountId, "env-" + Guid.NewGuid().ToString("N")[..8]);
        beforeNextSave.Run = () => app.Database.ExecuteAsync($"DELETE FROM \"Environments\" WHERE \"Id\" = '{environment.Id.ToString().ToUpperInvariant()}'");

        var answer = await client.SendDataAsync(HttpMethod.Patch, $"{environments}/{environment.Id}", new { name = environment.Name + "-2" });

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    [Fact]
    public async Task Delete_Answers404_WhenDeletedMeanwhile()
    {
        var accountId = await app.DefaultAccountIdAsync();
        var environment = await app.Data.AddEnvironmentAsync(accountId, "env-" + Guid.NewGuid().ToString("N")[..8]);
        beforeNextSave.Run = () => app.Database.ExecuteAsync($"DELETE FROM \"Environments\" WHERE \"Id\" = '{environment.Id.ToString().ToUpperInvariant()}'");

        var answer = await client.DeleteAsync($"{environments}/{environment.Id}");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(answer), 404);
    }
}
